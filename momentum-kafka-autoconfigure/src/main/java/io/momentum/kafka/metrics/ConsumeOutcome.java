package io.momentum.kafka.metrics;

import java.util.Locale;

/**
 * Outcome of handling an integration event, the {@code outcome} tag of
 * {@value KafkaMeterNames#MESSAGES_CONSUMED}. A record that fails twice and then succeeds counts
 * {@code retried} twice and {@code success} once: records handled = success + dead_lettered +
 * skipped.
 */
public enum ConsumeOutcome {

	/** The handler returned. */
	SUCCESS,

	/** An attempt failed and the record will be tried again. */
	RETRIED,

	/** The record went to the dead-letter topic (retries exhausted, not retryable, or unreadable). */
	DEAD_LETTERED,

	/** No handler in this application for the event type; the offset is committed. */
	SKIPPED;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The tag value.
	 * @return the lower-case name, for example {@code dead_lettered}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
