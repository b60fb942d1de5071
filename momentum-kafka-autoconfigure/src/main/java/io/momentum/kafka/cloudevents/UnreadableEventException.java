package io.momentum.kafka.cloudevents;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a Kafka record cannot be read as an integration event: its bytes are not a
 * CloudEvent, a required attribute is missing, or its data does not bind to the event type.
 * Retrying such a record cannot succeed, so error handlers treat this exception as not
 * retryable. The message gives the reason and never contains the payload.
 */
public class UnreadableEventException extends RuntimeException {

	/**
	 * Create an exception with the given reason.
	 * @param reason why the record cannot be read
	 */
	public UnreadableEventException(String reason) {
		super(reason);
	}

	/**
	 * Create an exception with the given reason and cause.
	 * @param reason why the record cannot be read
	 * @param cause the underlying failure
	 */
	public UnreadableEventException(String reason, @Nullable Throwable cause) {
		super(reason, cause);
	}

}
