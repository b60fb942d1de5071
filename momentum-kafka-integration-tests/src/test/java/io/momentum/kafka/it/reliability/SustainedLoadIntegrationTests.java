package io.momentum.kafka.it.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.it.reliability.app.HandledEvents;
import io.momentum.kafka.it.reliability.app.PaymentRecorded;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.momentum.kafka.it.reliability.ReliabilityReport.count;
import static io.momentum.kafka.it.reliability.ReliabilityReport.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sustained load at a fixed rate (default 5,000 events/s for 60 s; system properties
 * {@code momentum.reliability.load-rate} and {@code momentum.reliability.load-duration} change them) through
 * publisher, broker process and handler, with the test JVM's heap and thread count sampled every second: no error,
 * every event handled, no growth trend in heap floor or threads; publish-to-handler latency percentiles reported.
 * <p>
 * The bookkeeping keeps no object per event (bit sets and one preallocated latency array), so the heap measured is
 * the service's.
 */
class SustainedLoadIntegrationTests {

	private static final int RATE = Integer.getInteger("momentum.reliability.load-rate", 5_000);

	private static final Duration DURATION = Duration
		.ofSeconds(Long.getLong("momentum.reliability.load-duration", 60));

	private static final Logger logger = LoggerFactory.getLogger(SustainedLoadIntegrationTests.class);

	@AutoClose
	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBrokerProcess.builder().build();
		broker.start();
	}

	@Test
	void fixedRateForAMinuteHandlesEveryEventWithoutGrowth() throws Exception {
		long started = System.nanoTime();
		int events = (int) (RATE * DURATION.toSeconds());
		LoadLedger ledger = new LoadLedger(events);
		Map<String, Object> properties = LedgerService.defaults(broker.bootstrapServers(), "load");
		try (LedgerService service = LedgerService.start(properties, ledger)) {
			service.warmUp();
			// Measure the steady state: the consumer has joined its group and handled the warm-up events.
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.warmUpHandled.get() > 0
					&& service.container().getAssignedPartitions().size() == 3);
			IntegrationEventPublisher publisher = service.publisher();
			List<Sample> samples = new ArrayList<>();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
			long maxLagNanos = 0;
			double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
			long start = System.nanoTime();
			long nextSample = start;
			long liveEarly = 0;
			for (int i = 0; i < events; i++) {
				long due = start + i * interval;
				long now = System.nanoTime();
				if (now < due) {
					LockSupport.parkNanos(due - now);
				}
				else {
					maxLagNanos = Math.max(maxLagNanos, now - due);
				}
				if (now >= nextSample) {
					samples.add(new Sample(now - start, memory.getHeapMemoryUsage().getUsed(), threads.getThreadCount(),
							ledger.handled.get()));
					nextSample += TimeUnit.SECONDS.toNanos(1);
					if (samples.size() == 10) {
						liveEarly = liveHeap(memory);
					}
				}
				int sequence = i;
				CompletableFuture<PublishResult> future = publisher
					.publish(new PaymentRecorded("account-" + (i % 256), i, System.nanoTime()));
				future.whenComplete((result, failure) -> ledger.completed(sequence, failure == null));
			}
			long publishedIn = System.nanoTime() - start;
			await().atMost(Duration.ofSeconds(120)).until(() -> ledger.completed.get() == events);
			await().atMost(Duration.ofSeconds(120)).until(() -> ledger.handled.get() + ledger.duplicates.get() >= events);
			long drainedIn = System.nanoTime() - start;
			long liveLate = liveHeap(memory);

			logger.info("Load samples (elapsed s, handled, heap MB, threads): {}", samples.stream()
				.map((sample) -> String.format(Locale.ROOT, "%d/%d/%d/%d", sample.elapsedNanos() / 1_000_000_000,
						sample.handled(), sample.heapUsed() >> 20, sample.threads()))
				.toList());
			long[] latencies = ledger.latencies(0);
			Arrays.sort(latencies);
			// The first seconds include the JIT compiling the consumer path: the backlog built then drains later.
			long[] steady = ledger.latencies(10 * RATE);
			Arrays.sort(steady);
			int[] threadCounts = samples.stream().mapToInt(Sample::threads).toArray();
			int half = threadCounts.length / 2;
			int threadsFirstHalf = Arrays.stream(threadCounts, 5, half).max().orElse(0);
			int threadsSecondHalf = Arrays.stream(threadCounts, half, threadCounts.length).max().orElse(0);
			long floorEarly = heapFloor(samples, 10, 20);
			long floorLate = heapFloor(samples, samples.size() - 10, samples.size());
			String measured = String.format(Locale.ROOT,
					"publish-to-handler latency p50 %s, p99 %s, max %s (from 10 s on: p50 %s, p99 %s, max %s); achieved %,.0f events/s (publisher at most %d ms "
							+ "behind schedule); heap after a full GC %d MB at 10 s, %d MB after the run; heap floor %d MB at 10-20 s, "
							+ "%d MB in the last 10 s; threads %d then %d; machine load average %.1f before, %.1f after "
							+ "(%d cores shared with other work)",
					millis(percentile(latencies, 0.50)), millis(percentile(latencies, 0.99)),
					millis(latencies[latencies.length - 1]), millis(percentile(steady, 0.50)),
					millis(percentile(steady, 0.99)), millis(steady[steady.length - 1]), events / (publishedIn / 1e9),
					TimeUnit.NANOSECONDS.toMillis(maxLagNanos), liveEarly >> 20, liveLate >> 20, floorEarly >> 20,
					floorLate >> 20, threadsFirstHalf, threadsSecondHalf, loadBefore,
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			ReliabilityReport.record(new Row(Scenario.SUSTAINED_LOAD,
					count(events) + " at " + count(RATE) + "/s for " + DURATION.toSeconds() + " s: "
							+ count(ledger.acknowledged.get()) + " acknowledged, " + ledger.failed.get() + " failed",
					events - ledger.handledAcknowledged(), ledger.duplicates.get() + " handled",
					"all handled " + seconds(Duration.ofNanos(drainedIn - publishedIn)) + " after the last publish",
					Duration.ofNanos(System.nanoTime() - started), measured));

			assertThat(ledger.failed.get()).as("failed publishes").isZero();
			assertThat(ledger.handledAcknowledged()).as("acknowledged events handled").isEqualTo(events);
			assertThat(threadsSecondHalf).as("threads (%s)", measured).isLessThanOrEqualTo(threadsFirstHalf + 2);
			assertThat(liveLate).as("live heap after the run (%s)", measured).isLessThan(liveEarly + (16L << 20));
		}
	}

	/**
	 * The heap still in use after a full collection: what the application keeps. Called twice, it shows a leak as a
	 * difference that the saw-tooth of ordinary heap samples hides.
	 */
	private static long liveHeap(MemoryMXBean memory) {
		System.gc();
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** The lowest heap use in a range of samples: what is left after the collections in that range. */
	private static long heapFloor(List<Sample> samples, int from, int to) {
		return samples.subList(Math.max(0, from), Math.min(to, samples.size()))
			.stream()
			.mapToLong(Sample::heapUsed)
			.min()
			.orElseThrow();
	}

	private static long percentile(long[] sorted, double percentile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1)];
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
	}

	private record Sample(long elapsedNanos, long heapUsed, int threads, long handled) {

	}

	/**
	 * Per-event state in arrays: 0 unknown, 1 acknowledged, 2 failed; handled counts per sequence.
	 */
	static final class LoadLedger implements HandledEvents {

		private final AtomicIntegerArray outcome;

		private final AtomicIntegerArray timesHandled;

		/** Publish-to-handler time of each event's first handling, by sequence; 0 until handled. */
		private final long[] latencies;

		final AtomicLong warmUpHandled = new AtomicLong();

		final AtomicLong completed = new AtomicLong();

		final AtomicLong acknowledged = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicLong handled = new AtomicLong();

		final AtomicLong duplicates = new AtomicLong();

		LoadLedger(int events) {
			this.outcome = new AtomicIntegerArray(events);
			this.timesHandled = new AtomicIntegerArray(events);
			this.latencies = new long[events];
		}

		void completed(int sequence, boolean success) {
			this.outcome.set(sequence, success ? 1 : 2);
			(success ? this.acknowledged : this.failed).incrementAndGet();
			this.completed.incrementAndGet();
		}

		@Override
		public void handled(PaymentRecorded event, EventMetadata metadata) {
			int sequence = (int) event.sequence();
			if (sequence < 0) {
				this.warmUpHandled.incrementAndGet();
				return;
			}
			if (this.timesHandled.getAndIncrement(sequence) == 0) {
				this.latencies[sequence] = Math.max(1, System.nanoTime() - event.publishedAtNanos());
				this.handled.incrementAndGet();
			}
			else {
				this.duplicates.incrementAndGet();
			}
		}

		/** Acknowledged events handled at least once. */
		long handledAcknowledged() {
			long count = 0;
			for (int i = 0; i < this.outcome.length(); i++) {
				if (this.outcome.get(i) == 1 && this.timesHandled.get(i) > 0) {
					count++;
				}
			}
			return count;
		}

		/**
		 * Latencies of the handled events from one sequence number on.
		 * @param from the first sequence number
		 * @return the latencies, unsorted
		 */
		long[] latencies(int from) {
			return Arrays.stream(this.latencies, from, this.latencies.length).filter((latency) -> latency > 0).toArray();
		}

	}

}
