package io.momentum.kafka.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * Counts the acknowledgements of one throughput run. One instance serves every send of a run, as in hand-written
 * code.
 */
final class Completion implements SendCallback {

	private final int expected;

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	private final CountDownLatch all = new CountDownLatch(1);

	Completion(int expected) {
		this.expected = expected;
	}

	@Override
	public void completed(@Nullable Throwable exception) {
		if (exception != null) {
			this.failure.compareAndSet(null, exception);
		}
		if (this.done.incrementAndGet() == this.expected) {
			this.all.countDown();
		}
	}

	/**
	 * Wait for every acknowledgement.
	 * @param timeoutSeconds how long to wait at most
	 * @throws IllegalStateException when a send failed or not all were acknowledged in time
	 */
	void await(long timeoutSeconds) throws InterruptedException {
		if (!this.all.await(timeoutSeconds, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Only " + this.done.get() + " of " + this.expected
					+ " records were acknowledged within " + timeoutSeconds + " s");
		}
		Throwable exception = this.failure.get();
		if (exception != null) {
			throw new IllegalStateException("A send failed; the run is invalid: " + exception, exception);
		}
	}

}
