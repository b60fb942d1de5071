package io.momentum.kafka.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A record an integration event listener container of the application finished with, as an
 * {@link IntegrationEventRecorder} saw it: handled, skipped or dead-lettered, with the failed
 * attempts before that.
 *
 * @param topic the topic the record was read from
 * @param partition the partition
 * @param offset the offset
 * @param groupId the consumer group, or {@code null} when unknown
 * @param cloudEventType the CloudEvents {@code type} as received, or {@code null} when the record
 * could not be read as a CloudEvent
 * @param eventType the event class the type matched, or {@code null} when it matched none
 * @param outcome how the container finished with the record
 * @param failures what failed on each failed attempt, in order: empty when the first attempt
 * succeeded; for a dead-lettered record the last one is why it was dead-lettered
 */
public record ConsumedEvent(String topic, int partition, long offset, @Nullable String groupId,
		@Nullable String cloudEventType, @Nullable Class<?> eventType, Outcome outcome, List<Throwable> failures) {

	public ConsumedEvent {
		Assert.hasText(topic, "'topic' must not be empty");
		Assert.notNull(outcome, "'outcome' must not be null");
		failures = List.copyOf(failures);
	}

	/**
	 * How many times a handler was tried: 1 plus the retries. For a skipped record 0, as no
	 * handler ran.
	 * @return the attempts
	 */
	public int attempts() {
		return (this.outcome == Outcome.SKIPPED) ? 0
				: this.failures.size() + ((this.outcome == Outcome.SUCCESS) ? 1 : 0);
	}

	/**
	 * Whether at least one attempt failed before the outcome.
	 * @return {@code true} when the record was retried
	 */
	public boolean retried() {
		return (this.outcome == Outcome.SUCCESS) ? !this.failures.isEmpty() : this.failures.size() > 1;
	}

	RecordCoordinates coordinates() {
		return new RecordCoordinates(this.topic, this.partition, this.offset);
	}

	/**
	 * A one-line description for failure messages.
	 * @return the description
	 */
	@Override
	public String toString() {
		String type = (this.eventType != null) ? this.eventType.getSimpleName()
				: (this.cloudEventType != null) ? "type " + this.cloudEventType : "unreadable record";
		StringBuilder description = new StringBuilder(type).append(" at ")
			.append(coordinates())
			.append(": ")
			.append(this.outcome.description());
		if (!this.failures.isEmpty()) {
			description.append(" (").append(this.failures.size()).append(" failed attempt")
				.append((this.failures.size() > 1) ? "s" : "").append(", last: ")
				.append(this.failures.get(this.failures.size() - 1)).append(')');
		}
		return description.toString();
	}

	/**
	 * How a listener container finished with a record; the same words as the {@code outcome} tag
	 * of {@code kafka_messages_consumed_total}, where {@code retried} counts failed attempts.
	 */
	public enum Outcome {

		/** The handler returned. */
		SUCCESS("handled"),

		/** No handler of this application handles the record's type; its offset was committed. */
		SKIPPED("skipped, no handler for its type in this application"),

		/** The record went to the dead-letter topic (retries exhausted, not retryable, or unreadable). */
		DEAD_LETTERED("dead-lettered");

		private final String description;

		Outcome(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

}
