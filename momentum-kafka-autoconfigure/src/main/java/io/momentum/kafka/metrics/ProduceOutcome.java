package io.momentum.kafka.metrics;

import java.util.Locale;

/**
 * Outcome of publishing an integration event, the {@code outcome} tag of
 * {@value KafkaMeterNames#MESSAGES_PRODUCED}.
 */
public enum ProduceOutcome {

	/** The broker acknowledged the record. */
	SUCCESS,

	/** The send failed: the broker refused the record or did not acknowledge it in time. */
	FAILURE;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The tag value.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
