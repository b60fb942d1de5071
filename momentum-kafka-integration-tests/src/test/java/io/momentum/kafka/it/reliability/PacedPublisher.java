package io.momentum.kafka.it.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Publishes {@code PaymentRecorded} events at a fixed rate on its own thread, as a service does under steady
 * traffic: event {@code i} is published at {@code start + i / rate}, never earlier; when the publisher falls behind
 * it catches up without sleeping, and {@link #maxLagMillis()} says by how much it fell behind.
 */
final class PacedPublisher implements AutoCloseable {

	private final LedgerService service;

	private final DeliveryLedger ledger;

	private final long intervalNanos;

	private final long count;

	private final LongFunction<String> account;

	private final AtomicLong published = new AtomicLong();

	private final AtomicLong maxLagNanos = new AtomicLong();

	private final ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();

	private final Thread thread;

	private volatile boolean stopped;

	/**
	 * @param service the service whose publisher is used
	 * @param ledger follows every future
	 * @param ratePerSecond events per second
	 * @param count how many events in all ({@link Long#MAX_VALUE}: until {@link #stop()})
	 * @param account the partition key of event {@code i}
	 */
	PacedPublisher(LedgerService service, DeliveryLedger ledger, int ratePerSecond, long count,
			LongFunction<String> account) {
		this.service = service;
		this.ledger = ledger;
		this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
		this.count = count;
		this.account = account;
		this.thread = new Thread(this::run, "reliability-publisher");
		this.thread.setDaemon(true);
	}

	PacedPublisher start() {
		this.thread.start();
		return this;
	}

	private void run() {
		long start = System.nanoTime();
		for (long i = 0; i < this.count && !this.stopped; i++) {
			long due = start + i * this.intervalNanos;
			long early = due - System.nanoTime();
			if (early > 0) {
				LockSupport.parkNanos(early);
			}
			else {
				this.maxLagNanos.accumulateAndGet(-early, Math::max);
			}
			try {
				this.service.publish(this.ledger, this.account.apply(i), i);
			}
			catch (RuntimeException ex) {
				this.thrown.add(ex);
			}
			this.published.incrementAndGet();
		}
	}

	/** Stops publishing after the current event. */
	void stop() {
		this.stopped = true;
	}

	/**
	 * Waits until every event was handed to the publisher (or {@link #stop()} took effect).
	 * @param timeout how long to wait
	 */
	void awaitDone(Duration timeout) throws InterruptedException {
		this.thread.join(timeout.toMillis());
		if (this.thread.isAlive()) {
			throw new IllegalStateException("The publisher did not finish within " + timeout + " (" + this.published
					+ " of " + this.count + " published)");
		}
	}

	long published() {
		return this.published.get();
	}

	/** Exceptions thrown by {@code publish} itself (not future failures). */
	List<Throwable> thrown() {
		return List.copyOf(this.thrown);
	}

	long maxLagMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.maxLagNanos.get());
	}

	@Override
	public void close() throws InterruptedException {
		stop();
		this.thread.join(TimeUnit.SECONDS.toMillis(30));
	}

}
