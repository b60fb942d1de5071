package io.momentum.kafka.publishing;

import org.jspecify.annotations.Nullable;

/**
 * An integration event was not published, or its publication was not acknowledged by the broker.
 * The message names the event type, its id when one was assigned, the topic and the reason; the
 * cause is the underlying exception.
 */
public class IntegrationEventPublishException extends RuntimeException {

	private final Class<?> eventType;

	private final @Nullable String eventId;

	private final String topic;

	/**
	 * Create an exception.
	 * @param eventType the event type
	 * @param eventId the event id, or {@code null} when the event failed before one was assigned
	 * @param topic the event's topic
	 * @param message the full message
	 * @param cause the underlying exception, or {@code null}
	 */
	public IntegrationEventPublishException(Class<?> eventType, @Nullable String eventId, String topic,
			String message, @Nullable Throwable cause) {
		super(message, cause);
		this.eventType = eventType;
		this.eventId = eventId;
		this.topic = topic;
	}

	/**
	 * The type of the event that was not published.
	 * @return the event type
	 */
	public Class<?> getEventType() {
		return this.eventType;
	}

	/**
	 * The CloudEvents id of the event.
	 * @return the id, or {@code null} when the event failed before one was assigned
	 */
	public @Nullable String getEventId() {
		return this.eventId;
	}

	/**
	 * The topic the event was meant for.
	 * @return the topic
	 */
	public String getTopic() {
		return this.topic;
	}

}
