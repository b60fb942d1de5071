package io.momentum.kafka.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the harness runs, from {@code --name=value} arguments.
 *
 * @param bootstrapServers a broker to use, or {@code null} to start one broker process
 * @param producerEvents events per producer throughput run
 * @param consumerEvents records per consumer drain (the pre-filled topic holds this many)
 * @param warmupRounds rounds run first and not reported
 * @param rounds measured rounds
 * @param latencyRate events per second of the latency runs
 * @param latencySeconds duration of one latency run
 * @param latencyWarmupRounds latency rounds not reported
 * @param latencyRounds measured latency rounds
 * @param partitions partitions of the topics
 * @param phases the phases to run: {@code producer}, {@code latency}, {@code consumer}, {@code e2e}
 * @param docs the Markdown file to write the results into, or {@code null} to print them only
 * @param command the command line to show in the report
 */
record HarnessSettings(@Nullable String bootstrapServers, int producerEvents, int consumerEvents, int warmupRounds,
		int rounds, int latencyRate, int latencySeconds, int latencyWarmupRounds, int latencyRounds, int partitions,
		Set<String> phases, @Nullable Path docs, String command) {

	static final Set<String> ALL_PHASES = Set.of("producer", "latency", "consumer", "e2e");

	static final String DEFAULT_COMMAND = "mvn -B -pl momentum-kafka-benchmarks -am -Pbenchmarks -DskipTests verify";

	HarnessSettings {
		if (producerEvents < 1 || consumerEvents < 1 || rounds < 1 || latencyRate < 1 || latencySeconds < 1
				|| latencyRounds < 1 || partitions < 1 || warmupRounds < 0 || latencyWarmupRounds < 0) {
			throw new IllegalArgumentException("Counts, rounds, rates and durations must be positive (warm-up rounds "
					+ "may be 0): " + this);
		}
		if (phases.isEmpty() || !ALL_PHASES.containsAll(phases)) {
			throw new IllegalArgumentException("--phases=" + String.join(",", phases) + " is not a list of " + ALL_PHASES);
		}
		phases = Set.copyOf(phases);
	}

	/**
	 * The settings of a full run (about five minutes on two cores).
	 * @return the defaults
	 */
	static HarnessSettings defaults() {
		return new HarnessSettings(null, 200_000, 500_000, 2, 5, 5_000, 3, 1, 3, 3, ALL_PHASES, null,
				DEFAULT_COMMAND);
	}

	/**
	 * Settings for a few seconds' run that only proves every contender works.
	 * @param bootstrapServers the broker
	 * @return the settings
	 */
	static HarnessSettings smoke(String bootstrapServers) {
		return new HarnessSettings(bootstrapServers, 2_000, 2_000, 0, 1, 500, 1, 0, 1, 3, ALL_PHASES, null,
				"smoke test");
	}

	/**
	 * Parse {@code --name=value} arguments over the defaults.
	 * @param args the arguments
	 * @return the settings
	 * @throws IllegalArgumentException naming an unknown or malformed argument
	 */
	static HarnessSettings parse(String... args) {
		HarnessSettings d = defaults();
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.isBlank()) {
				continue;
			}
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Argument '" + arg + "' is not of the form --name=value");
			}
			values.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		String bootstrap = values.remove("bootstrap-servers");
		String docs = values.remove("docs");
		String command = values.remove("command");
		String phases = values.remove("phases");
		HarnessSettings settings = new HarnessSettings((bootstrap != null && !bootstrap.isBlank()) ? bootstrap : null,
				integer(values, "producer-events", d.producerEvents), integer(values, "consumer-events", d.consumerEvents),
				integer(values, "warmup-rounds", d.warmupRounds), integer(values, "rounds", d.rounds),
				integer(values, "latency-rate", d.latencyRate), integer(values, "latency-seconds", d.latencySeconds),
				integer(values, "latency-warmup-rounds", d.latencyWarmupRounds),
				integer(values, "latency-rounds", d.latencyRounds), integer(values, "partitions", d.partitions),
				(phases != null) ? Set.of(phases.split(",")) : d.phases, (docs != null && !docs.isBlank()) ? Path.of(docs) : null, (command != null) ? command : d.command);
		if (!values.isEmpty()) {
			throw new IllegalArgumentException("Unknown arguments " + values.keySet() + "; known: --bootstrap-servers, "
					+ "--producer-events, --consumer-events, --warmup-rounds, --rounds, --latency-rate, "
					+ "--latency-seconds, --latency-warmup-rounds, --latency-rounds, --partitions, --phases, --docs, --command");
		}
		return settings;
	}

	private static int integer(Map<String, String> values, String name, int defaultValue) {
		String value = values.remove(name);
		if (value == null) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value.replace("_", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + "=" + value + " is not a whole number", ex);
		}
	}

	/**
	 * Whether a phase runs.
	 * @param phase the phase
	 * @return {@code true} when it is one of {@link #phases()}
	 */
	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

}
