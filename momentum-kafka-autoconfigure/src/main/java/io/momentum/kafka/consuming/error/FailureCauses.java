package io.momentum.kafka.consuming.error;

import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.consuming.IntegrationEventHandlerException;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.TimestampedException;

/**
 * Finds what really failed behind the wrappers of the container and of the handler invocation.
 */
final class FailureCauses {

	private FailureCauses() {
	}

	/**
	 * The exception a user would name: without spring-kafka's
	 * {@link ListenerExecutionFailedException} and {@link TimestampedException} and without the
	 * {@link IntegrationEventHandlerException} that carries a handler's checked exception.
	 * @param exception what the error handler received
	 * @return the handler's own exception, or {@code exception} itself
	 */
	static Throwable unwrap(Throwable exception) {
		Throwable current = exception;
		while ((current instanceof ListenerExecutionFailedException || current instanceof TimestampedException
				|| current instanceof IntegrationEventHandlerException) && current.getCause() != null
				&& current.getCause() != current) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * The reason a record cannot be read, when that is what failed.
	 * @param exception what the error handler received
	 * @return the {@link UnreadableEventException} among the causes, or {@code null}
	 */
	static @Nullable UnreadableEventException unreadable(@Nullable Throwable exception) {
		int depth = 0;
		for (Throwable current = exception; current != null && depth < 32; current = current.getCause(), depth++) {
			if (current instanceof UnreadableEventException unreadable) {
				return unreadable;
			}
		}
		return null;
	}

	/**
	 * A one-line description of a failure for logs: class and message of the handler's exception.
	 * @param exception what the error handler received
	 * @return the description
	 */
	static String describe(Throwable exception) {
		return unwrap(exception).toString();
	}

}
