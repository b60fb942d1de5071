package io.momentum.kafka.cloudevents;

/**
 * How CloudEvents are written to Kafka records (the two content modes of the CloudEvents Kafka
 * protocol binding).
 */
public enum CloudEventMode {

	/**
	 * Attributes in {@code ce_}-prefixed headers, {@code content-type: application/json}, the
	 * record value is the event data. The binding's default and what Momentum's .NET services
	 * write.
	 */
	BINARY,

	/**
	 * The record value is the whole JSON envelope,
	 * {@code content-type: application/cloudevents+json}.
	 */
	STRUCTURED

}
