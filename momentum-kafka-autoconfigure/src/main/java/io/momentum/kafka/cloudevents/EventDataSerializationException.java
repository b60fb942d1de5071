package io.momentum.kafka.cloudevents;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an event cannot be written as JSON. The message names the event type and, when the
 * JSON library reports one, the component (path) that failed.
 */
public class EventDataSerializationException extends RuntimeException {

	private final Class<?> eventType;

	private final @Nullable String component;

	/**
	 * Create an exception for the given event type.
	 * @param eventType the type of the event that could not be serialized
	 * @param component the path of the failing component, such as {@code cashier.email}, or
	 * {@code null} when unknown
	 * @param reason what went wrong, in the JSON library's words
	 * @param cause the JSON library's exception
	 */
	public EventDataSerializationException(Class<?> eventType, @Nullable String component, String reason,
			Throwable cause) {
		super(message(eventType, component, reason), cause);
		this.eventType = eventType;
		this.component = component;
	}

	private static String message(Class<?> eventType, @Nullable String component, String reason) {
		StringBuilder message = new StringBuilder("Could not serialize ").append(eventType.getName()).append(" to JSON");
		if (component != null) {
			message.append(" at component '").append(component).append('\'');
		}
		return message.append(": ").append(reason).toString();
	}

	/**
	 * The type of the event that could not be serialized.
	 * @return the event type
	 */
	public Class<?> getEventType() {
		return this.eventType;
	}

	/**
	 * The path of the component that failed, such as {@code cashier.email}.
	 * @return the component path, or {@code null} when the JSON library did not report one
	 */
	public @Nullable String getComponent() {
		return this.component;
	}

}
