package io.momentum.kafka.cloudevents;

/**
 * Writes an integration event as the {@code data} of its CloudEvent: the JSON bytes that become
 * the record value in binary mode and the {@code data} member of the envelope in structured mode.
 * <p>
 * The default is a {@link JacksonEventDataSerializer} over the application's Jackson
 * {@code JsonMapper}; define a bean of this type to replace it.
 */
@FunctionalInterface
public interface EventDataSerializer {

	/**
	 * Serialize an event to JSON.
	 * @param event the event
	 * @return the event as UTF-8 JSON
	 * @throws EventDataSerializationException when the event cannot be written as JSON
	 */
	byte[] serialize(Object event);

}
