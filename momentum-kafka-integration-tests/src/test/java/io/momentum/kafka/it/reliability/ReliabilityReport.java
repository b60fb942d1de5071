package io.momentum.kafka.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the summary table of {@code docs/reliability.md} from the measurements of the run, between the markers
 * {@value #BEGIN} and {@value #END}: one row per scenario, replaced when the scenario runs again, so that the table
 * always shows the latest measured run of each scenario and nothing typed by hand.
 * <p>
 * The file is named by the system property {@value #REPORT_PROPERTY} (the {@code reliability} Maven profile sets
 * it); without it the rows are only logged.
 */
final class ReliabilityReport {

	static final String REPORT_PROPERTY = "momentum.reliability.report";

	static final String BEGIN = "<!-- reliability-results:begin -->";

	static final String END = "<!-- reliability-results:end -->";

	private static final Logger logger = LoggerFactory.getLogger(ReliabilityReport.class);

	private static final String HEADER = "| scenario | events | lost | duplicates | recovery | test time | measured |\n"
			+ "|---|---|---|---|---|---|---|\n";

	private ReliabilityReport() {
	}

	/**
	 * The scenarios, in the order of the table.
	 */
	enum Scenario {

		BROKER_KILLED_MID_PUBLISH("Single broker SIGKILLed mid-publish, restarted"),

		CLUSTER_LEADER_KILLED("3-broker cluster (RF 3, min ISR 2), busiest partition's leader SIGKILLed"),

		CONSUMER_CONTEXT_CLOSED("Consuming context closed mid-batch, started again"),

		CONSUMER_PROCESS_KILLED("Consuming service SIGKILLed mid-batch, started again"),

		BROKER_UNREACHABLE("Broker unreachable (frozen) for 30 s while the service runs"),

		SASL_PLAIN("SASL_PLAINTEXT, PLAIN: right and wrong password"),

		SASL_SCRAM("SASL_PLAINTEXT, SCRAM-SHA-512: right and wrong password"),

		SASL_SSL("SASL_SSL with a CA generated at test time"),

		TLS_HOST_NAME("TLS, certificate for another host name: `https` then `none`"),

		FUZZ("Random-bytes fuzz into a consumed topic"),

		SUSTAINED_LOAD("Sustained load at a fixed rate");

		private final String title;

		Scenario(String title) {
			this.title = title;
		}

	}

	/**
	 * One row of the table.
	 *
	 * @param scenario the scenario
	 * @param events what was published, acknowledged and handled
	 * @param lost acknowledged events never handled
	 * @param duplicates extra handlings (and extra copies in the topic where it was read)
	 * @param recovery time to recover, or {@code n/a}
	 * @param elapsed the test's wall-clock time
	 * @param measured other figures of the run
	 */
	record Row(Scenario scenario, String events, long lost, String duplicates, String recovery, Duration elapsed,
			String measured) {

		String markdown() {
			return "| " + String.join(" | ", this.scenario.title, this.events, Long.toString(this.lost),
					this.duplicates, this.recovery, seconds(this.elapsed), this.measured.replace("|", "\\|")) + " |";
		}

	}

	/**
	 * Records a row: logs it and, when the report file is configured, replaces the scenario's row in it.
	 * @param row the row
	 */
	static synchronized void record(Row row) {
		logger.info("Reliability result: {}", row.markdown());
		String file = System.getProperty(REPORT_PROPERTY);
		if (file == null || file.isBlank()) {
			return;
		}
		Path path = Path.of(file);
		try {
			String document = Files.readString(path, StandardCharsets.UTF_8);
			int begin = document.indexOf(BEGIN);
			int end = document.indexOf(END);
			if (begin < 0 || end < begin) {
				throw new IllegalStateException(path + " has no " + BEGIN + " ... " + END + " section");
			}
			String section = document.substring(begin + BEGIN.length(), end);
			Map<Scenario, String> rows = parseRows(section);
			rows.put(row.scenario(), row.markdown());
			String updated = document.substring(0, begin + BEGIN.length()) + "\n" + render(rows)
					+ document.substring(end);
			Files.writeString(path, updated, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot update " + path, ex);
		}
	}

	private static Map<Scenario, String> parseRows(String section) {
		Map<Scenario, String> rows = new EnumMap<>(Scenario.class);
		for (String line : section.split("\n")) {
			Scenario scenario = scenarioOf(line);
			if (scenario != null) {
				rows.put(scenario, line.strip());
			}
		}
		return rows;
	}

	private static @Nullable Scenario scenarioOf(String line) {
		for (Scenario scenario : Scenario.values()) {
			if (line.startsWith("| " + scenario.title + " |")) {
				return scenario;
			}
		}
		return null;
	}

	private static String render(Map<Scenario, String> rows) {
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add("Latest row of each scenario; this run's rows written " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
				+ " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ System.getProperty("java.version") + ".");
		lines.add("");
		StringBuilder table = new StringBuilder(HEADER);
		rows.values().forEach((line) -> table.append(line).append('\n'));
		lines.add(table.toString());
		return String.join("\n", lines);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

}
