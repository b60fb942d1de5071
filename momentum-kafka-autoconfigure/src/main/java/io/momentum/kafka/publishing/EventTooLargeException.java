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
		this(eventType, eventId, topic, size, 0, limit);
	}

	/**
	 * Create an exception for a record that would outgrow the limit once the send adds to it.
	 * @param eventType the event type
	 * @param eventId the event id
	 * @param topic the event's topic
	 * @param size the size of the record in bytes, as the producer computes it
	 * @param reserve the bytes an observed send adds to the record (its trace context), {@code 0} for none
	 * @param limit the producer's {@code max.request.size}
	 */
	public EventTooLargeException(Class<?> eventType, String eventId, String topic, int size, int reserve,
			int limit) {
		super(eventType, eventId, topic, "Event " + eventType.getName() + " (id " + eventId + ") for topic " + topic
				+ " is " + size + " bytes as a record"
				+ ((reserve > 0) ? " (with up to " + reserve + " bytes of trace context that the observed send adds, "
						+ (size + reserve) + ")" : "")
				+ ", larger than the producer's max.request.size of " + limit
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
