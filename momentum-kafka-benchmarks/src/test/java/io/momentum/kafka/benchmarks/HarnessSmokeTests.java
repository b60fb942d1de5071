package io.momentum.kafka.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.momentum.kafka.test.TestKafkaBrokers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the harness for a few seconds on the test broker: every contender must move events, and the report must
 * land in its section of the docs page.
 */
class HarnessSmokeTests {

	@Test
	void everyContenderReportsANonZeroRateAndTheReportLandsInItsSection(@TempDir Path docsDirectory)
			throws Exception {
		HarnessSettings settings = HarnessSettings.smoke(TestKafkaBrokers.obtain().bootstrapServers());
		HarnessResults results;
		try (Harness harness = new Harness(settings, (line) -> {
		})) {
			results = harness.run();
		}

		assertThat(results.producers).containsOnlyKeys("raw, pre-built", HarnessReport.FAIR_PRODUCER,
				"KafkaTemplate + Jackson + headers", HarnessReport.OUR_PRODUCER, "ours: structured");
		assertThat(results.producers.values()).allSatisfy((series) -> {
			assertThat(series.eventsPerSecond().median()).as(series.name).isPositive();
			assertThat(series.cpuMicrosPerEvent().median()).as(series.name).isPositive();
			assertThat(series.recordBytes).as(series.name).isGreaterThan(200);
		});
		assertThat(results.producerLatency).hasSize(5);
		assertThat(results.producerLatency.values())
			.allSatisfy((series) -> assertThat(series.p99Millis().median()).as(series.name).isPositive());
		assertThat(results.consumers).containsOnlyKeys("raw, values ignored", HarnessReport.FAIR_CONSUMER,
				"SDK CloudEventDeserializer + Jackson", HarnessReport.OUR_CONSUMER, "raw + our reader + binder",
				HarnessReport.EVERY_HEADER_CONSUMER);
		assertThat(results.consumers.values())
			.allSatisfy((series) -> assertThat(series.eventsPerSecond().median()).as(series.name).isPositive());
		assertThat(results.endToEnd.p50Millis().median()).isPositive();

		Path docs = docsDirectory.resolve("benchmarks.md");
		Files.writeString(docs, "# Benchmarks\n\nWritten by hand.\n\n<!-- harness:begin (generated, do not edit) -->\n"
				+ "old\n<!-- harness:end -->\n\nAlso by hand.\n");
		DocsFile.replaceSection(docs, HarnessMain.SECTION,
				HarnessReport.markdown(settings, Map.of("CPU", "test"), results));
		assertThat(Files.readString(docs)).startsWith("# Benchmarks\n\nWritten by hand.\n\n")
			.endsWith("<!-- harness:end -->\n\nAlso by hand.\n")
			.doesNotContain("old")
			.contains("### Producer throughput", "| (4) our IntegrationEventPublisher, binary mode (the default) | ",
					"### Consumer drain", "| (4) our typed handler with a no-op body | ",
					"| (5) raw poll loop with our CloudEvent reader and data binder | ", "### Publish-to-handler latency");
	}

}
