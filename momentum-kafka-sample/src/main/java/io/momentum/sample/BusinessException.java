package io.momentum.sample;

import io.momentum.kafka.annotation.NonRetryable;

/**
 * A business rule refused an event: retrying cannot help, so a handler that throws it sends the
 * record straight to its dead-letter topic. The Java form of the seed's
 * {@code OnException<BusinessException>().MoveToErrorQueue()}; {@link NonRetryable} is inherited
 * by every subclass.
 */
@NonRetryable
public abstract class BusinessException extends RuntimeException {

	protected BusinessException(String message) {
		super(message);
	}

}
