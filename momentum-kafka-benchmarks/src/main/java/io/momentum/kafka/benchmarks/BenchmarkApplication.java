package io.momentum.kafka.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.benchmarks.events.CashierCreated;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service the harness runs, as a user would write it: the starter's auto-configuration, the
 * {@code CashierCreated} event of this package and a handler for it. Each contender that goes through our code
 * runs in one such application context.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

	@Bean
	CountingHandler countingHandler() {
		return new CountingHandler();
	}

	/**
	 * The typed handler of the consumer benchmark: a no-op body apart from counting, and recording the arrival of
	 * latency probes when a recorder is set.
	 */
	public static class CountingHandler {

		private final AtomicLong handled = new AtomicLong();

		private final Object monitor = new Object();

		private volatile long awaited = Long.MAX_VALUE;

		private volatile LatencyRecorder.@Nullable Arrivals probes;

		@IntegrationEventHandler
		void on(CashierCreated event) {
			LatencyRecorder.Arrivals arrivals = this.probes;
			if (arrivals != null) {
				arrivals.arrived(event);
			}
			if (this.handled.incrementAndGet() == this.awaited) {
				synchronized (this.monitor) {
					this.monitor.notifyAll();
				}
			}
		}

		/**
		 * Wait until a number of events were handled.
		 * @param count the number of events
		 * @param timeout how long to wait at most
		 * @return whether that many were handled
		 */
		public boolean awaitHandled(long count, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			synchronized (this.monitor) {
				this.awaited = count;
				while (this.handled.get() < count) {
					long remaining = deadline - System.nanoTime();
					if (remaining <= 0) {
						return false;
					}
					TimeUnit.NANOSECONDS.timedWait(this.monitor, remaining);
				}
				return true;
			}
		}

		/**
		 * The number of events handled so far.
		 * @return the count
		 */
		public long handled() {
			return this.handled.get();
		}

		/**
		 * Reset the count.
		 */
		public void reset() {
			this.handled.set(0);
		}

		/**
		 * Record the arrival of probe events from now on, or stop doing so.
		 * @param probes the recorder, or {@code null}
		 */
		public void recordProbes(LatencyRecorder.@Nullable Arrivals probes) {
			this.probes = probes;
		}

	}

}
