package io.momentum.kafka.consuming.error;

import java.time.Duration;

import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How often and how fast a failed integration event handler is retried in its partition before the
 * record goes to the dead-letter topic ({@code momentum.kafka.retry.*}): Momentum's
 * {@code Retry(3)} with an exponential back-off between the attempts.
 *
 * @param maxAttempts handler attempts per record, the first included; 1 disables retries
 * @param initialInterval the back-off before the first retry
 * @param multiplier the factor applied to the back-off after each retry, at least 1
 * @param maxInterval the longest back-off between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval) {

	/** The shortest wait between two attempts to publish the same record to its dead-letter topic. */
	static final Duration MIN_DEAD_LETTER_INTERVAL = Duration.ofMillis(100);

	public RetryPolicy {
		Assert.isTrue(maxAttempts >= 1, () -> "momentum.kafka.retry.max-attempts must be at least 1 (1 means no retry), "
				+ "but was " + maxAttempts);
		Assert.notNull(initialInterval, "momentum.kafka.retry.initial-interval must not be null");
		Assert.isTrue(!initialInterval.isNegative(),
				() -> "momentum.kafka.retry.initial-interval must not be negative, but was " + initialInterval);
		Assert.isTrue(multiplier >= 1.0, () -> "momentum.kafka.retry.multiplier must be at least 1.0, but was "
				+ multiplier);
		Assert.notNull(maxInterval, "momentum.kafka.retry.max-interval must not be null");
		Assert.isTrue(maxInterval.compareTo(initialInterval) >= 0,
				() -> "momentum.kafka.retry.max-interval (" + maxInterval
						+ ") must not be shorter than momentum.kafka.retry.initial-interval (" + initialInterval + ")");
	}

	/**
	 * The back-off between handler attempts: {@code maxAttempts - 1} retries, exponential. Spring's
	 * {@link ExponentialBackOff} with a number of attempts is used rather than spring-kafka's
	 * {@code ExponentialBackOffWithMaxRetries}, which still retries once when asked for no retry.
	 * @return a new back-off
	 */
	public BackOff backOff() {
		ExponentialBackOff backOff = exponential(this.initialInterval, this.maxInterval);
		backOff.setMaxAttempts(this.maxAttempts - 1L);
		return backOff;
	}

	/**
	 * The back-off between attempts to publish one record to its dead-letter topic while that
	 * fails: unlimited, exponential up to {@link #maxInterval()}, never shorter than
	 * 100 ms so that a failing dead-letter topic never
	 * makes a tight loop.
	 * @return a new back-off
	 */
	public BackOff deadLetterBackOff() {
		Duration initial = max(this.initialInterval, MIN_DEAD_LETTER_INTERVAL);
		return exponential(initial, max(this.maxInterval, initial));
	}

	private ExponentialBackOff exponential(Duration initial, Duration max) {
		ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), this.multiplier);
		backOff.setMaxInterval(max.toMillis());
		return backOff;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
