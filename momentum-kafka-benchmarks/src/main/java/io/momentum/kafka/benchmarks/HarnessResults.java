package io.momentum.kafka.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one harness run measured, by phase and contender, in the order the contenders were declared.
 */
final class HarnessResults {

	final Map<String, Series> producers = new LinkedHashMap<>();

	final Map<String, LatencySeries> producerLatency = new LinkedHashMap<>();

	final Map<String, Series> consumers = new LinkedHashMap<>();

	final LatencySeries endToEnd = new LatencySeries("ours: publisher → @IntegrationEventHandler",
			"publish-to-handler through our publisher (binary) and our handler");

	final Map<String, String> environment = new LinkedHashMap<>();

	Series producer(ProducerContender contender, int recordBytes) {
		return this.producers.computeIfAbsent(contender.name(),
				(name) -> new Series(name, contender.description(), recordBytes));
	}

	LatencySeries producerLatency(ProducerContender contender) {
		return this.producerLatency.computeIfAbsent(contender.name(),
				(name) -> new LatencySeries(name, contender.description()));
	}

	Series consumer(ConsumerContender contender, int recordBytes) {
		return this.consumers.computeIfAbsent(contender.name(),
				(name) -> new Series(name, contender.description(), recordBytes));
	}

	/**
	 * One measured throughput run.
	 *
	 * @param round the round, from 0
	 * @param events the events sent or read
	 * @param nanos the wall-clock time
	 * @param cpuNanos the CPU time of this JVM
	 * @param load the one-minute load average at the end of the run
	 */
	record Run(int round, int events, long nanos, long cpuNanos, double load) {

		double eventsPerSecond() {
			return this.events * 1e9 / this.nanos;
		}

		double cpuMicrosPerEvent() {
			return this.cpuNanos / 1e3 / this.events;
		}

	}

	/**
	 * One measured latency run.
	 *
	 * @param round the round, from 0
	 * @param events the number of events
	 * @param p50 the median latency in nanoseconds
	 * @param p99 the 99th percentile in nanoseconds
	 * @param max the largest latency in nanoseconds
	 * @param load the one-minute load average at the end of the run
	 */
	record LatencyRun(int round, int events, long p50, long p99, long max, double load) {
	}

	/**
	 * The runs of one throughput contender.
	 */
	static final class Series {

		final String name;

		final String description;

		final int recordBytes;

		final List<Run> runs = new ArrayList<>();

		Series(String name, String description, int recordBytes) {
			this.name = name;
			this.description = description;
			this.recordBytes = recordBytes;
		}

		Stats.Summary eventsPerSecond() {
			return Stats.Summary.of(this.runs.stream().map(Run::eventsPerSecond).toList());
		}

		Stats.Summary megabytesPerSecond() {
			return Stats.Summary.of(this.runs.stream().map((run) -> run.eventsPerSecond() * this.recordBytes / 1e6).toList());
		}

		Stats.Summary cpuMicrosPerEvent() {
			return Stats.Summary.of(this.runs.stream().map(Run::cpuMicrosPerEvent).toList());
		}

		Stats.Summary load() {
			return Stats.Summary.of(this.runs.stream().map(Run::load).toList());
		}

		Run round(int round) {
			return this.runs.stream()
				.filter((run) -> run.round() == round)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(this.name + " has no round " + round));
		}

	}

	/**
	 * The runs of one latency contender.
	 */
	static final class LatencySeries {

		final String name;

		final String description;

		final List<LatencyRun> runs = new ArrayList<>();

		LatencySeries(String name, String description) {
			this.name = name;
			this.description = description;
		}

		Stats.Summary p50Millis() {
			return Stats.Summary.of(this.runs.stream().map((run) -> run.p50() / 1e6).toList());
		}

		Stats.Summary p99Millis() {
			return Stats.Summary.of(this.runs.stream().map((run) -> run.p99() / 1e6).toList());
		}

		Stats.Summary maxMillis() {
			return Stats.Summary.of(this.runs.stream().map((run) -> run.max() / 1e6).toList());
		}

		Stats.Summary load() {
			return Stats.Summary.of(this.runs.stream().map(LatencyRun::load).toList());
		}

	}

	/**
	 * Per-round ratios of two contenders' figures (both ran in the same round, one after the other).
	 * @param ours our series
	 * @param baseline the baseline's series
	 * @param eventsPerSecond {@code true} for events/s, {@code false} for CPU per event
	 * @return the median and range of the ratios
	 */
	static Stats.Summary ratio(Series ours, Series baseline, boolean eventsPerSecond) {
		List<Double> ratios = new ArrayList<>();
		for (Run run : ours.runs) {
			Run other = baseline.round(run.round());
			ratios.add(eventsPerSecond ? run.eventsPerSecond() / other.eventsPerSecond()
					: run.cpuMicrosPerEvent() / other.cpuMicrosPerEvent());
		}
		return Stats.Summary.of(ratios);
	}

}
