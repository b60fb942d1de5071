package io.momentum.sample.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Checks of request bodies; a missing field is a {@code 400 Bad Request} that names it.
 */
public final class RequestFields {

	private RequestFields() {
	}

	/**
	 * The value of a required field.
	 * @param <T> the field's type
	 * @param value the value from the request body
	 * @param name the field's JSON name
	 * @return the value
	 * @throws ResponseStatusException (400) when the value is missing
	 */
	public static <T> T required(@Nullable T value, String name) {
		if (value == null || (value instanceof CharSequence text && text.toString().isBlank())) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + name + "' is required");
		}
		return value;
	}

	/**
	 * Fails the request when a condition on its body does not hold.
	 * @param condition the condition
	 * @param message what is wrong, for the client
	 * @throws ResponseStatusException (400) when the condition is false
	 */
	public static void check(boolean condition, String message) {
		if (!condition) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
		}
	}

}
