package docs.stage;

/**
 * An exception of the application that {@code docs/error-handling.md} makes non-retryable.
 */
public class ValidationException extends RuntimeException {

	public ValidationException(String message) {
		super(message);
	}

}
