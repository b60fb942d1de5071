package com.example.cashiers;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import io.momentum.kafka.test.DeadLetter;
import io.momentum.kafka.test.IntegrationEventRecorder;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The seed's "Testing with Testcontainers" example in Java: publish {@code CashierCreated}, wait for processing,
 * and verify that the mocked handler was called once with the event. Then what a test of a failing or slow handler
 * sees: retries, dead letters read back with their headers, and waits that fail with a listing.
 */
@SpringBootTest(classes = CashierApplication.class)
@MomentumKafkaTest
class CashierIntegrationTests {

	@Autowired
	private IntegrationEventPublisher messageBus;

	@Autowired
	private IntegrationEventRecorder recorder;

	@MockitoBean
	private CashierHandler cashierHandler;

	@Value("${momentum.kafka.consumer.group-id}")
	private String groupId;

	@Test
	void shouldProcessIntegrationEvent() {
		CashierCreated cashierCreated = new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "John"));
		this.messageBus.publishAndWait(cashierCreated);

		this.recorder.awaitAllPublishedHandled(Duration.ofSeconds(10));

		verify(this.cashierHandler, times(1)).on(cashierCreated);
		verifyNoMoreInteractions(this.cashierHandler);
	}

	@Test
	void failingHandlerIsRetriedThenTheDeadLetterIsReadBackWithItsHeaders() {
		willThrow(new IllegalStateException("database down")).given(this.cashierHandler).on(any(CashierCreated.class));
		CashierCreated cashierCreated = new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Ken"));
		PublishResult result = this.messageBus.publishAndWait(cashierCreated);

		DeadLetter deadLetter = this.recorder.awaitDeadLettered(result, Duration.ofSeconds(30));

		assertThat(deadLetter.topic()).isEqualTo(result.topic() + ".dead-letter");
		assertThat(deadLetter.key()).isEqualTo(cashierCreated.tenantId().toString());
		assertThat(deadLetter.header("ce_id")).isEqualTo(result.eventId());
		assertThat(deadLetter.header("ce_type")).isEqualTo("CashierCreated");
		assertThat(deadLetter.value()).contains("\"name\":\"Ken\"");
		assertThat(deadLetter.originalTopic()).isEqualTo(result.topic());
		assertThat(deadLetter.originalPartition()).isEqualTo(result.partition());
		assertThat(deadLetter.originalOffset()).isEqualTo(result.offset());
		assertThat(deadLetter.originalConsumerGroup()).isEqualTo(this.groupId);
		assertThat(deadLetter.exceptionCauseClassName()).isEqualTo(IllegalStateException.class.getName());
		assertThat(deadLetter.exceptionMessage()).contains("database down");
		verify(this.cashierHandler, times(3)).on(cashierCreated);
		assertThat(this.recorder.consumed(CashierCreated.class)).singleElement().satisfies((consumed) -> {
			assertThat(consumed.outcome()).isEqualTo(Outcome.DEAD_LETTERED);
			assertThat(consumed.attempts()).isEqualTo(3);
			assertThat(consumed.failures()).extracting(Throwable::getMessage).containsOnly("database down");
		});
		// Awaited as a dead letter, it no longer fails the wait for all events.
		assertThat(this.recorder.awaitAllPublishedHandled(Duration.ofSeconds(10))).extracting(ConsumedEvent::outcome)
			.containsExactly(Outcome.DEAD_LETTERED);
	}

	@Test
	void awaitingTheHandlingOfAnEventThatWasDeadLetteredFailsWithTheHandlersException() {
		willThrow(new IllegalStateException("database down")).given(this.cashierHandler).on(any(CashierCreated.class));
		PublishResult result = this.messageBus
			.publishAndWait(new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Ritchie")));

		long started = System.nanoTime();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitHandled(result, Duration.ofMinutes(5)))
			.withMessageContaining("was dead-lettered instead of handled: CashierCreated at " + result.topic() + "-"
					+ result.partition() + "@" + result.offset() + ": dead-lettered (3 failed attempts, last: "
					+ "java.lang.IllegalStateException: database down)")
			.withCauseInstanceOf(IllegalStateException.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAllPublishedHandled(Duration.ofMinutes(5)))
			.withMessageContaining("was dead-lettered (await it with awaitDeadLettered when that is expected)");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void recordHandledAfterARetryShowsItsFailedAttempt() {
		willThrow(new IllegalStateException("database down")).willDoNothing()
			.given(this.cashierHandler)
			.on(any(CashierCreated.class));
		PublishResult result = this.messageBus
			.publishAndWait(new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Thompson")));

		ConsumedEvent handled = this.recorder.awaitHandled(result, Duration.ofSeconds(30));

		assertThat(handled.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(handled.attempts()).isEqualTo(2);
		assertThat(handled.retried()).isTrue();
		assertThat(handled.failures()).singleElement().isInstanceOf(IllegalStateException.class);
	}

	@Test
	void awaitingTheDeadLetterOfAnEventThatWasHandledFailsAtOnce() {
		PublishResult result = this.messageBus
			.publishAndWait(new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Hopper")));
		this.recorder.awaitHandled(result, Duration.ofSeconds(30));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitDeadLettered(result, Duration.ofMinutes(5)))
			.withMessageContaining("was handled instead of dead-lettered");
	}

	@Test
	void awaitOfAnEventThatIsNeverHandledFailsAtItsTimeoutListingWhatWasPublished() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		willAnswer((invocation) -> release.await(30, TimeUnit.SECONDS)).given(this.cashierHandler)
			.on(any(CashierCreated.class));
		try {
			PublishResult result = this.messageBus
				.publishAndWait(new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Stuck")));
			Duration timeout = Duration.ofSeconds(1);
			long started = System.nanoTime();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> this.recorder.awaitHandled(result, timeout))
				.withMessageStartingWith("Event CashierCreated id " + result.eventId() + " key " + result.key() + " -> "
						+ result.topic() + "-" + result.partition() + "@" + result.offset()
						+ " was not handled within PT1S.")
				.withMessageContaining("Published since the test method started (1):\n  CashierCreated id "
						+ result.eventId())
				.withMessageContaining("@" + result.offset() + ": NOT HANDLED YET")
				.withMessageContaining("Listener containers: \n  " + result.topic() + ": running, group ");
			Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
			assertThat(elapsed).isGreaterThanOrEqualTo(timeout).isLessThan(timeout.plusSeconds(2));
		}
		finally {
			release.countDown();
		}
	}

}
