package io.momentum.kafka.consuming.error;

import io.momentum.kafka.annotation.NonRetryable;

/**
 * Exceptions thrown by the test handlers.
 */
final class TestFailures {

	private TestFailures() {
	}

	/** A failure that may pass: retried. */
	static class TransientException extends RuntimeException {

		TransientException(String message) {
			super(message);
		}

	}

	/** The seed's BusinessException: never retried. */
	@NonRetryable
	static class BusinessException extends RuntimeException {

		BusinessException(String message) {
			super(message);
		}

	}

	/** Inherits {@code @NonRetryable}. */
	static class InvoiceRejectedException extends BusinessException {

		InvoiceRejectedException(String message) {
			super(message);
		}

	}

	/** A checked business failure: the handler invocation wraps it, it stays non-retryable. */
	@NonRetryable
	static class CheckedBusinessException extends Exception {

		CheckedBusinessException(String message) {
			super(message);
		}

	}

	/** Not annotated; listed in momentum.kafka.retry.non-retryable-exceptions. */
	static class ListedException extends RuntimeException {

		ListedException(String message) {
			super(message);
		}

	}

	/** A subclass of a listed class. */
	static class ListedSubclassException extends ListedException {

		ListedSubclassException(String message) {
			super(message);
		}

	}

}
