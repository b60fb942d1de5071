package com.example.cashiers;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.IntegrationEventRecorder;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The seed's "Testing with Testcontainers" example in Java: publish {@code CashierCreated}, wait for processing,
 * and verify that the mocked handler was called once with the event.
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

	@Test
	void shouldProcessIntegrationEvent() {
		CashierCreated cashierCreated = new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "John"));
		this.messageBus.publishAndWait(cashierCreated);

		this.recorder.awaitAllPublishedHandled(Duration.ofSeconds(10));

		verify(this.cashierHandler, times(1)).on(cashierCreated);
		verifyNoMoreInteractions(this.cashierHandler);
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
