package io.momentum.kafka.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.momentum.kafka.benchmarks.HarnessResults.LatencySeries;
import io.momentum.kafka.benchmarks.HarnessResults.Series;

/**
 * The harness results as Markdown: one table per phase (median and min–max over the measured rounds), the ratios
 * the targets are stated in, and the machine and settings.
 */
final class HarnessReport {

	static final String FAIR_PRODUCER = "raw + Jackson + headers";

	static final String OUR_PRODUCER = "ours: binary";

	static final String FAIR_CONSUMER = "raw + ce_type + Jackson";

	static final String OUR_CONSUMER = "ours: @IntegrationEventHandler";

	static final String EVERY_HEADER_CONSUMER = "raw + every header + ce_type + Jackson";

	private HarnessReport() {
	}

	static String markdown(HarnessSettings settings, Map<String, String> machine, HarnessResults results) {
		StringBuilder md = new StringBuilder();
		md.append("Command: `").append(settings.command()).append("`\n\n");
		md.append("| | |\n|---|---|\n");
		machine.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
		results.environment.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
		md.append("| rounds | ").append(settings.warmupRounds()).append(" warm-up + ").append(settings.rounds())
			.append(" measured, contenders interleaved (order rotated each round); ").append(settings.partitions())
			.append(" partitions per topic |\n\n");
		md.append("Figures are the median over the measured rounds, with min–max in brackets. CPU is the client JVM's ")
			.append("process CPU time (all its threads) divided by the events; the broker's CPU is not in it. ")
			.append("\"load\" is the machine's one-minute load average at the end of each run (2 cores: above 2 the ")
			.append("machine was oversubscribed).\n\n");

		md.append(String.format(Locale.ROOT, "### Producer throughput (%,d events per run)%n%n", settings.producerEvents()));
		throughputTable(md, results.producers);
		Series fairProducer = results.producers.get(FAIR_PRODUCER);
		Series ourProducer = results.producers.get(OUR_PRODUCER);
		if (fairProducer != null && ourProducer != null) {
			md.append("\n| ratio, per round | median (min–max) | target | met |\n|---|---|---|---|\n");
			ratioRow(md, "ours (binary) ÷ fair baseline, events/s", HarnessResults.ratio(ourProducer, fairProducer, true),
					"≥ 0.90", true, 0.90);
			ratioRow(md, "ours (binary) ÷ fair baseline, CPU µs/event",
					HarnessResults.ratio(ourProducer, fairProducer, false), "≤ 1.15", false, 1.15);
		}

		md.append(String.format(Locale.ROOT, "%n### Publish-to-ack latency at %,d events/s (%d s per run)%n%n",
				settings.latencyRate(), settings.latencySeconds()));
		md.append("Measured from each event's scheduled send time to its acknowledgement. ")
			.append(settings.latencyWarmupRounds()).append(" warm-up + ").append(settings.latencyRounds())
			.append(" measured rounds.\n\n");
		latencyTable(md, results.producerLatency.values());

		md.append(String.format(Locale.ROOT, "%n### Consumer drain (%,d records, fresh group each run)%n%n",
				settings.consumerEvents()));
		md.append("The topic was filled by our publisher (binary mode). Each run starts a new consumer group at the ")
			.append("earliest offset and stops the clock when the last record was processed; group join is included ")
			.append("for every contender.\n\n");
		throughputTable(md, results.consumers);
		Series fairConsumer = results.consumers.get(FAIR_CONSUMER);
		Series ourConsumer = results.consumers.get(OUR_CONSUMER);
		if (fairConsumer != null && ourConsumer != null) {
			md.append("\n| ratio, per round | median (min–max) | target | met |\n|---|---|---|---|\n");
			ratioRow(md, "ours (typed handler) ÷ fair baseline, events/s",
					HarnessResults.ratio(ourConsumer, fairConsumer, true), "≥ 0.90", true, 0.90);
			ratioRow(md, "ours (typed handler) ÷ fair baseline, CPU µs/event",
					HarnessResults.ratio(ourConsumer, fairConsumer, false), "—", false, Double.NaN);
			Series everyHeader = results.consumers.get(EVERY_HEADER_CONSUMER);
			if (everyHeader != null) {
				ratioRow(md, "ours (typed handler) ÷ (6) fair baseline reading every header, events/s",
						HarnessResults.ratio(ourConsumer, everyHeader, true), "—", true, Double.NaN);
			}
		}

		md.append(String.format(Locale.ROOT, "%n### Publish-to-handler latency at %,d events/s (%d s per run)%n%n",
				settings.latencyRate(), settings.latencySeconds()));
		md.append("From each event's scheduled publish time to its arrival in our `@IntegrationEventHandler` ")
			.append("(Momentum's consumer defaults, one consumer thread).\n\n");
		latencyTable(md, List.of(results.endToEnd));
		return md.toString();
	}

	private static void throughputTable(StringBuilder md, Map<String, Series> series) {
		md.append("| contender | events/s | MB/s | client CPU µs/event | record bytes | load |\n");
		md.append("|---|---|---|---|---|---|\n");
		for (Series each : series.values()) {
			md.append("| ").append(each.description).append(" | ")
				.append(summary(each.eventsPerSecond(), "%,.0f")).append(" | ")
				.append(summary(each.megabytesPerSecond(), "%.1f")).append(" | ")
				.append(summary(each.cpuMicrosPerEvent(), "%.2f")).append(" | ")
				.append(each.recordBytes).append(" | ")
				.append(summary(each.load(), "%.1f")).append(" |\n");
		}
	}

	private static void latencyTable(StringBuilder md, Iterable<LatencySeries> series) {
		md.append("| contender | p50 ms | p99 ms | max ms | load |\n|---|---|---|---|---|\n");
		for (LatencySeries each : series) {
			md.append("| ").append(each.description).append(" | ")
				.append(summary(each.p50Millis(), "%.2f")).append(" | ")
				.append(summary(each.p99Millis(), "%.2f")).append(" | ")
				.append(summary(each.maxMillis(), "%.1f")).append(" | ")
				.append(summary(each.load(), "%.1f")).append(" |\n");
		}
	}

	private static void ratioRow(StringBuilder md, String label, Stats.Summary ratio, String target, boolean atLeast,
			double limit) {
		String met = Double.isNaN(limit) ? "—"
				: ((atLeast ? ratio.median() >= limit : ratio.median() <= limit) ? "yes" : "**no**");
		md.append("| ").append(label).append(" | ").append(summary(ratio, "%.2f")).append(" | ").append(target)
			.append(" | ").append(met).append(" |\n");
	}

	static String summary(Stats.Summary summary, String format) {
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", summary.median(), summary.min(),
				summary.max());
	}

}
