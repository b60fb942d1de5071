package io.momentum.kafka.consuming.error;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.momentum.kafka.annotation.NonRetryable;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decides which failures are not retried, so that their record goes to the dead-letter topic after
 * one attempt (Momentum's {@code MoveToErrorQueue()}): an exception whose class, or a superclass,
 * is annotated {@link NonRetryable}; an instance of one of the configured classes
 * ({@code momentum.kafka.retry.non-retryable-exceptions}) or of a subclass; and an
 * {@link UnreadableEventException}, because a record that cannot be read never becomes readable.
 * Each rule also applies when the exception is a cause of the one thrown, at any depth, so a
 * {@code @NonRetryable} exception wrapped by a framework or by the handler itself keeps its
 * meaning.
 */
public final class NonRetryableExceptions implements Predicate<@Nullable Throwable> {

	private final List<Class<? extends Throwable>> types;

	/**
	 * Create the rules with additional non-retryable classes.
	 * @param types classes that are not retried, with their subclasses
	 */
	public NonRetryableExceptions(Collection<Class<? extends Throwable>> types) {
		Assert.notNull(types, "'types' must not be null");
		Assert.noNullElements(types, "momentum.kafka.retry.non-retryable-exceptions must not contain empty entries");
		this.types = List.copyOf(types);
	}

	/**
	 * Whether a failure must not be retried.
	 * @param exception what the handler, or the container on its behalf, threw
	 * @return {@code true} when it, or one of its causes, is non-retryable
	 */
	@Override
	public boolean test(@Nullable Throwable exception) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = exception; current != null && seen.add(current); current = current.getCause()) {
			if (isNonRetryable(current)) {
				return true;
			}
		}
		return false;
	}

	private boolean isNonRetryable(Throwable exception) {
		if (exception instanceof UnreadableEventException || exception.getClass().isAnnotationPresent(NonRetryable.class)) {
			return true;
		}
		for (Class<? extends Throwable> type : this.types) {
			if (type.isInstance(exception)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The configured classes.
	 * @return the classes, without the annotated ones
	 */
	public List<Class<? extends Throwable>> types() {
		return this.types;
	}

}
