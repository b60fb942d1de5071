package io.momentum.kafka.publishing;

/**
 * An integration event was larger than the producer's {@code max.request.size} once written as a
 * record; it was not sent.
 */
public class EventTooLargeException extends IntegrationEventPublishException {

	private final int size;

	private final int limit;

	/**
	 * Create an exception.
	 * @param eventType the event type
	 * @param eventId the event id
	 * @param topic the event's topic
	 * @param size the size of the record in bytes, as the producer computes it
	 * @param limit the producer's {@code max.request.size}
	 */
	public EventTooLargeException(Class<?> eventType, String eventId, String topic, int size, int limit) {
		super(eventType, eventId, topic, "Event " + eventType.getName() + " (id " + eventId + ") for topic " + topic
				+ " is " + size + " bytes as a record, larger than the producer's max.request.size of " + limit
				+ " bytes; nothing was sent. Make the event smaller, or raise "
				+ "spring.kafka.producer.properties.max.request.size together with the topic's max.message.bytes",
				null);
		this.size = size;
		this.limit = limit;
	}

	/**
	 * The size of the record in bytes.
	 * @return the size
	 */
	public int getSize() {
		return this.size;
	}

	/**
	 * The producer's {@code max.request.size}.
	 * @return the limit in bytes
	 */
	public int getLimit() {
		return this.limit;
	}

}
