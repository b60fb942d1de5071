package io.momentum.kafka.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link IntegrationEventRecorder}, fed directly as the publisher and the listener containers feed it.
 */
class IntegrationEventRecorderTests {

	private static final String CASHIERS = "dev.appdomain.public.cashiers";

	private static final String AUDIT = "dev.appdomain.public.audit-entries";

	private static final Duration SHORT = Duration.ofMillis(200);

	private final IntegrationEventRecorder recorder = new IntegrationEventRecorder(() -> null,
			() -> Map.of(CASHIERS, container(CASHIERS)), Map::of);

	@Test
	void publishedEventsCanBeFilteredByTypeIncludingSubtypes() {
		Created created = new Created("t-1");
		publish(created, 0);
		publish(new Renamed("t-1"), 1);
		publish(new Opened("t-2"), 2);

		assertThat(this.recorder.published(Created.class)).singleElement()
			.satisfies((published) -> assertThat(published.event()).isSameAs(created));
		assertThat(this.recorder.published(Renamed.class)).singleElement()
			.satisfies((renamed) -> assertThat(renamed.offset()).isOne());
		assertThat(this.recorder.published(AccountEvent.class)).extracting(PublishedEvent::event)
			.containsExactly(created, new Opened("t-2"));
		assertThat(this.recorder.published()).hasSize(3);
	}

	@Test
	void awaitHandledReturnsWhenTheRecordIsHandledOnAnotherThread() throws Exception {
		PublishResult result = publish(new Created("t-1"), 7);
		CompletableFuture<ConsumedEvent> handled = CompletableFuture
			.supplyAsync(() -> this.recorder.awaitHandled(result, Duration.ofSeconds(30)));

		this.recorder.failedAttempt(CASHIERS, 0, 7, new IllegalStateException("first attempt"));
		this.recorder.finished(consumption(7, Created.class), Outcome.SUCCESS);

		ConsumedEvent consumed = handled.get(30, TimeUnit.SECONDS);
		assertThat(consumed.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(consumed.attempts()).isEqualTo(2);
		assertThat(consumed.retried()).isTrue();
		assertThat(consumed.failures()).extracting(Throwable::getMessage).containsExactly("first attempt");
	}

	@Test
	void awaitHandledOfADeadLetteredRecordFailsWithTheLastFailureAsCause() {
		PublishResult result = publish(new Created("t-1"), 3);
		this.recorder.failedAttempt(CASHIERS, 0, 3, new IllegalStateException("attempt 1"));
		this.recorder.failedAttempt(CASHIERS, 0, 3, new IllegalStateException("attempt 2"));
		this.recorder.deadLettered(CASHIERS, 0, 3, "group", "Created", new IllegalStateException("attempt 3"));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitHandled(result, Duration.ofMinutes(5)))
			.withMessageStartingWith("Event Created id id-3 key t-1 -> " + CASHIERS + "-0@3 was dead-lettered instead "
					+ "of handled: type Created at " + CASHIERS + "-0@3: dead-lettered (3 failed attempts, last: "
					+ "java.lang.IllegalStateException: attempt 3)")
			.withCauseInstanceOf(IllegalStateException.class)
			.satisfies((error) -> assertThat(error.getCause()).hasMessage("attempt 3"));
		assertThat(this.recorder.consumed()).singleElement().satisfies((consumed) -> {
			assertThat(consumed.attempts()).isEqualTo(3);
			assertThat(consumed.retried()).isTrue();
		});
	}

	@Test
	void awaitAllPublishedHandledWaitsForPublishesInFlightAndFailsWhenOneFailed() {
		this.recorder.publishing();

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAllPublishedHandled(SHORT))
			.withMessageContaining("Not every published event was handled within PT0.2S")
			.withMessageContaining("Publishes not acknowledged yet: 1");

		this.recorder.publishFailed(new IntegrationEventPublishException(Created.class, "id-9", CASHIERS,
				"Event Created (id id-9) was not acknowledged: broker gone", null));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAllPublishedHandled(Duration.ofMinutes(5)))
			.withMessageStartingWith("1 publish(es) failed since the test method started, so not every event can be "
					+ "handled.")
			.withMessageContaining("Publishes that failed (1):\n  Event Created (id id-9) was not acknowledged: "
					+ "broker gone")
			.withCauseInstanceOf(IntegrationEventPublishException.class);
		this.recorder.clear();
		assertThat(this.recorder.awaitAllPublishedHandled(SHORT)).isEmpty();
	}

	@Test
	void awaitAllPublishedHandledIgnoresTopicsNotConsumedHereAndAcceptsSkippedRecords() {
		publish(new Created("t-1"), 0);
		this.recorder.publishing();
		this.recorder.published(new Audit("t-1"), result("id-a", "Audit", AUDIT, "t-1", 0));
		publish(new Renamed("t-1"), 1);
		this.recorder.finished(consumption(0, Created.class), Outcome.SUCCESS);
		this.recorder.finished(consumption(1, Renamed.class), Outcome.SKIPPED);

		assertThat(this.recorder.awaitAllPublishedHandled(SHORT)).extracting(ConsumedEvent::outcome)
			.containsExactly(Outcome.SUCCESS, Outcome.SKIPPED);
		assertThat(this.recorder.toString())
			.contains("Audit id id-a key t-1 -> " + AUDIT + "-0@0: not consumed by this application");
	}

	@Test
	void awaitAllPublishedHandledFailsOnADeadLetterAtOnce() {
		publish(new Created("t-1"), 0);
		publish(new Created("t-2"), 1);
		this.recorder.deadLettered(CASHIERS, 0, 1, "group", "Created", new IllegalStateException("boom"));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAllPublishedHandled(Duration.ofMinutes(5)))
			.withMessageStartingWith("Created id id-1 key t-2 -> " + CASHIERS + "-0@1 was dead-lettered (await it "
					+ "with awaitDeadLettered when that is expected)");
	}

	@Test
	void timeoutListsEveryPublishedEventWithWhatBecameOfItAndTheContainers() {
		publish(new Created("t-1"), 0);
		publish(new Created("t-2"), 1);
		publish(new Created("t-3"), 2);
		this.recorder.finished(consumption(0, Created.class), Outcome.SUCCESS);
		this.recorder.failedAttempt(CASHIERS, 0, 1, new IllegalStateException("database down"));
		this.recorder.finished(consumption(40, Created.class), Outcome.SUCCESS);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitAllPublishedHandled(SHORT))
			.withMessage("""
					Not every published event was handled within PT0.2S.
					Published since the test method started (3):
					  Created id id-0 key t-1 -> %1$s-0@0: handled
					  Created id id-1 key t-2 -> %1$s-0@1: NOT HANDLED YET, 1 failed attempt(s) so far, last: \
					java.lang.IllegalStateException: database down
					  Created id id-2 key t-3 -> %1$s-0@2: NOT HANDLED YET
					Consumed, not published by this application since the test method started (1):
					  Created at %1$s-0@40: handled
					Listener containers: \n  %1$s: stopped""".formatted(CASHIERS));
	}

	@Test
	void awaitHandledOfAnEventOnATopicNotConsumedHereFailsAtOnce() {
		PublishResult result = result("id-a", "Audit", AUDIT, "t-1", 0);
		this.recorder.published(new Audit("t-1"), result);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitHandled(result, Duration.ofMinutes(5)))
			.withMessageStartingWith("Event Audit id id-a key t-1 -> " + AUDIT + "-0@0 cannot be handled here: no "
					+ "listener container of this application reads topic " + AUDIT);
	}

	@Test
	void awaitHandledOfAnUnknownIdFailsNamingIt() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitHandled("nope", Duration.ofMinutes(5)))
			.withMessageStartingWith("No event with id nope was published (and acknowledged) by this application "
					+ "since the test method started.\nPublished since the test method started (0): none");
	}

	@Test
	void clearForgetsWhatWasRecordedButNotThePublishesInFlight() {
		publish(new Created("t-1"), 0);
		this.recorder.finished(consumption(0, Created.class), Outcome.SUCCESS);
		this.recorder.publishing();

		this.recorder.clear();

		assertThat(this.recorder.published()).isEmpty();
		assertThat(this.recorder.consumed()).isEmpty();
		assertThat(this.recorder.drain(SHORT)).contains("Publishes not acknowledged yet: 1");
		this.recorder.published(new Created("t-9"), result("id-9", "Created", CASHIERS, "t-9", 9));
		this.recorder.finished(consumption(9, Created.class), Outcome.SUCCESS);
		assertThat(this.recorder.drain(SHORT)).isNull();
	}

	@Test
	void consumedCanBeFilteredByEventType() {
		this.recorder.finished(consumption(0, Created.class), Outcome.SUCCESS);
		this.recorder.finished(consumption(1, Renamed.class), Outcome.SKIPPED);
		this.recorder.finished(consumption(2, Opened.class), Outcome.SUCCESS);

		assertThat(this.recorder.consumed(Created.class)).extracting(ConsumedEvent::offset).containsExactly(0L);
		assertThat(this.recorder.consumed(AccountEvent.class)).extracting(ConsumedEvent::offset)
			.containsExactly(0L, 2L);
		assertThat(this.recorder.consumed(Renamed.class)).extracting(ConsumedEvent::outcome)
			.containsExactly(Outcome.SKIPPED);
	}

	@Test
	void negativeTimeoutIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.recorder.awaitAllPublishedHandled(Duration.ofSeconds(-1)))
			.withMessage("'timeout' must not be negative");
	}

	private PublishResult publish(TenantEvent event, long offset) {
		PublishResult result = result("id-" + offset, event.getClass().getSimpleName(), CASHIERS, event.tenant(),
				offset);
		this.recorder.publishing();
		this.recorder.published(event, result);
		return result;
	}

	private static PublishResult result(String id, String type, String topic, String key, long offset) {
		return new PublishResult(id, type, topic, key, 0, offset, Instant.parse("2024-01-15T10:30:00Z"));
	}

	private static Consumption consumption(long offset, Class<?> eventType) {
		return new Consumption(CASHIERS, 0, offset, "group", eventType.getSimpleName(), eventType);
	}

	private static ConcurrentMessageListenerContainer<byte[], byte[]> container(String topic) {
		return new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of()),
				new ContainerProperties(topic));
	}

	interface TenantEvent {

		String tenant();

	}

	interface AccountEvent extends TenantEvent {

	}

	record Created(String tenant) implements AccountEvent {
	}

	record Opened(String tenant) implements AccountEvent {
	}

	record Renamed(String tenant) implements TenantEvent {
	}

	record Audit(String tenant) implements TenantEvent {
	}

}
