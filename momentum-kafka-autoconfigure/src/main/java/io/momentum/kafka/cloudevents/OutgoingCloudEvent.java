package io.momentum.kafka.cloudevents;

import io.momentum.kafka.topic.EventDescriptor;

/**
 * An event on its way to Kafka, as a {@link CloudEventRecordCustomizer} sees it: what is being
 * published, and the two things a customizer may add.
 */
public interface OutgoingCloudEvent {

	/**
	 * The descriptor of the event's type.
	 * @return the descriptor
	 */
	EventDescriptor descriptor();

	/**
	 * The event being published.
	 * @return the event
	 */
	Object event();

	/**
	 * The CloudEvents {@code id} of this event.
	 * @return the id
	 */
	String id();

	/**
	 * The record key, also written as the {@code partitionkey} extension.
	 * @return the key
	 */
	String key();

	/**
	 * Add a CloudEvents extension attribute, such as {@code traceparent}. Binary mode writes it as
	 * a {@code ce_}-prefixed header, structured mode as a member of the envelope.
	 * @param name the attribute name: lower-case letters and digits, not a CloudEvents context
	 * attribute and not {@code partitionkey}
	 * @param value the value
	 * @throws IllegalArgumentException when the name is not allowed
	 */
	void extension(String name, String value);

	/**
	 * Add a plain Kafka header to the record, outside the CloudEvent (for example the W3C
	 * {@code traceparent} header that tracing libraries read).
	 * @param name the header name
	 * @param value the header value
	 */
	void header(String name, byte[] value);

}
