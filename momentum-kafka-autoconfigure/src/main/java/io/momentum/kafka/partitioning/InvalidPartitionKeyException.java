package io.momentum.kafka.partitioning;

/**
 * Thrown when an event's partition key, or one of its components, is {@code null} or blank. The
 * message names the event type and the component.
 */
public class InvalidPartitionKeyException extends IllegalArgumentException {

	private final Class<?> eventType;

	private final String component;

	/**
	 * Create an exception for the given event type and key component.
	 * @param eventType the event type
	 * @param component the key component whose value is missing
	 */
	public InvalidPartitionKeyException(Class<?> eventType, String component) {
		super("Partition key component '" + component + "' of " + eventType.getName()
				+ " is null or blank; every @PartitionKey component must have a value");
		this.eventType = eventType;
		this.component = component;
	}

	/**
	 * The event type whose key was invalid.
	 * @return the event type
	 */
	public Class<?> getEventType() {
		return this.eventType;
	}

	/**
	 * The key component whose value was missing.
	 * @return the component name
	 */
	public String getComponent() {
		return this.component;
	}

}
