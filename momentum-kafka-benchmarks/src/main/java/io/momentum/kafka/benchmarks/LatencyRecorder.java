package io.momentum.kafka.benchmarks;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.benchmarks.events.SampleEvents;
import org.jspecify.annotations.Nullable;

/**
 * Latencies of events sent at a fixed rate, each measured from the time its send was <em>scheduled</em>, not from
 * when it was actually sent: a sender that falls behind (a GC pause, a blocked {@code send}) makes the events
 * behind it late, and that lateness is counted (no coordinated omission).
 */
final class LatencyRecorder {

	private final long start;

	private final double periodNanos;

	private final long[] latencies;

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	private final CountDownLatch all = new CountDownLatch(1);

	/**
	 * A schedule of {@code count} events at {@code ratePerSecond}, starting shortly after now.
	 * @param ratePerSecond the fixed rate
	 * @param count the number of events
	 */
	LatencyRecorder(int ratePerSecond, int count) {
		this.periodNanos = 1e9 / ratePerSecond;
		this.latencies = new long[count];
		Arrays.fill(this.latencies, -1);
		this.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
	}

	int count() {
		return this.latencies.length;
	}

	long scheduled(int index) {
		return this.start + (long) (index * this.periodNanos);
	}

	/**
	 * Park until the scheduled time of an event (parking, not spinning: a spinning sender would add its own CPU to
	 * the figures; a late wake-up shows as latency, as it should).
	 * @param index the event
	 */
	void awaitSchedule(int index) {
		long target = scheduled(index);
		long remaining;
		while ((remaining = target - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
	}

	/**
	 * The callback of one send: the latency is the acknowledgement's time minus the scheduled time.
	 * @param index the event
	 * @return the callback
	 */
	SendCallback acknowledgement(int index) {
		return (exception) -> {
			if (exception != null) {
				this.failure.compareAndSet(null, exception);
			}
			record(index);
		};
	}

	private void record(int index) {
		if (index < 0 || index >= this.latencies.length || this.latencies[index] >= 0) {
			return;
		}
		this.latencies[index] = System.nanoTime() - scheduled(index);
		if (this.done.incrementAndGet() == this.latencies.length) {
			this.all.countDown();
		}
	}

	/**
	 * Arrivals of probe events at a handler, for publish-to-handler latency.
	 * @return the arrivals
	 */
	Arrivals arrivals() {
		return (event) -> record(SampleEvents.probeSequence(event));
	}

	/**
	 * Wait for every event and return the latencies, sorted.
	 * @param timeoutSeconds how long to wait at most
	 * @return the latencies in nanoseconds, sorted
	 * @throws IllegalStateException when a send failed or not every event arrived in time
	 */
	long[] await(long timeoutSeconds) throws InterruptedException {
		if (!this.all.await(timeoutSeconds, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Only " + this.done.get() + " of " + this.latencies.length
					+ " events were acknowledged or handled within " + timeoutSeconds + " s");
		}
		Throwable exception = this.failure.get();
		if (exception != null) {
			throw new IllegalStateException("A send failed; the run is invalid: " + exception, exception);
		}
		return Stats.sorted(this.latencies);
	}

	/**
	 * Told of each event a handler received.
	 */
	@FunctionalInterface
	interface Arrivals {

		void arrived(CashierCreated event);

	}

}
