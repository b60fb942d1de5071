package io.momentum.kafka.consuming.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	@Test
	void defaultsAreMomentumsRetry3WithExponentialBackOff() {
		RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10));
		assertThat(intervals(policy.backOff(), 5)).containsExactly(1000L, 2000L, BackOffExecution.STOP);
	}

	@Test
	void backOffGrowsUpToMaxInterval() {
		RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(100), 3.0, Duration.ofMillis(500));
		assertThat(intervals(policy.backOff(), 7)).containsExactly(100L, 300L, 500L, 500L, 500L,
				BackOffExecution.STOP);
	}

	@Test
	void oneAttemptMeansNoRetry() {
		RetryPolicy policy = new RetryPolicy(1, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10));
		assertThat(policy.backOff().start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void deadLetterBackOffNeverStopsGrowsToMaxIntervalAndNeverGoesBelow100Millis() {
		RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(500));
		assertThat(intervals(policy.deadLetterBackOff(), 50)).startsWith(100L, 200L, 400L, 500L, 500L)
			.doesNotContain(BackOffExecution.STOP);
		RetryPolicy immediate = new RetryPolicy(3, Duration.ZERO, 1.0, Duration.ZERO);
		assertThat(intervals(immediate.deadLetterBackOff(), 10)).containsOnly(100L);
	}

	@Test
	void invalidValuesFailNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)))
			.withMessageContaining("momentum.kafka.retry.max-attempts")
			.withMessageContaining("was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(-1), 2.0, Duration.ofSeconds(10)))
			.withMessageContaining("momentum.kafka.retry.initial-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(10)))
			.withMessageContaining("momentum.kafka.retry.multiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(1)))
			.withMessageContaining("momentum.kafka.retry.max-interval")
			.withMessageContaining("momentum.kafka.retry.initial-interval");
	}

	private static List<Long> intervals(BackOff backOff, int count) {
		BackOffExecution execution = backOff.start();
		List<Long> intervals = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			long interval = execution.nextBackOff();
			intervals.add(interval);
			if (interval == BackOffExecution.STOP) {
				break;
			}
		}
		return intervals;
	}

}
