package io.momentum.kafka.consuming;

/**
 * Wraps a checked exception thrown by an integration event handler (unchecked ones propagate as
 * they are). Error handlers classify the cause, so a {@code @NonRetryable} checked exception keeps
 * its meaning.
 */
public class IntegrationEventHandlerException extends RuntimeException {

	/**
	 * Create an exception for a handler failure.
	 * @param handler the handler description
	 * @param cause what the handler threw
	 */
	public IntegrationEventHandlerException(String handler, Throwable cause) {
		super("Integration event handler " + handler + " failed: " + cause, cause);
	}

}
