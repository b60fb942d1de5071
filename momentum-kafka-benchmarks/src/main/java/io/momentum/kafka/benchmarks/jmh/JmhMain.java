package io.momentum.kafka.benchmarks.jmh;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.momentum.kafka.benchmarks.DocsFile;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks one by one (recording the load average around each) and writes a table of the results,
 * with the figures the targets are stated in, into {@code docs/benchmarks.md}. Arguments: {@code --docs=<file>},
 * {@code --include=<regex>} (benchmark methods to run, matched against {@code Class.method}), {@code --quick} (fewer
 * iterations, to try things out).
 */
public final class JmhMain {

	/** The section of the docs page JMH results go to. */
	static final String SECTION = "jmh";

	static final String DEFAULT_COMMAND = "mvn -B -pl momentum-kafka-benchmarks -am -Pbenchmarks -DskipTests verify";

	private static final List<String[]> BENCHMARKS = List.of(
			new String[] { "CodecBenchmarks.encodeHandWritten", "encode: Jackson + hand-built headers (baseline)" },
			new String[] { "CodecBenchmarks.encodeOursBinary", "encode: ours, binary" },
			new String[] { "CodecBenchmarks.encodeOursStructured", "encode: ours, structured" },
			new String[] { "CodecBenchmarks.decodeHandWritten", "decode: ce_type header + Jackson (baseline)" },
			new String[] { "CodecBenchmarks.decodeOursBinary", "decode: ours, binary record" },
			new String[] { "CodecBenchmarks.decodeOursStructured", "decode: ours, structured record" },
			new String[] { "CodecBenchmarks.decodeOursBinarySdkReader",
					"decode: ours, binary record, SDK reader only (before the fast path)" },
			new String[] { "CodecBenchmarks.decodeSdkDeserializer", "decode: SDK CloudEventDeserializer + Jackson" },
			new String[] { "PartitionKeyBenchmarks.handWrittenSingle", "key: event.tenantId().toString() (baseline)" },
			new String[] { "PartitionKeyBenchmarks.extractSingle", "key: ours, one @PartitionKey UUID" },
			new String[] { "PartitionKeyBenchmarks.extractComposite", "key: ours, two components joined with \\|" },
			new String[] { "TopicResolutionBenchmarks.resolveName", "topic: naming rules for one type (startup)" },
			new String[] { "TopicResolutionBenchmarks.catalogLookUp", "topic: catalog look-up (every publish)" },
			new String[] { "DiscoveryBenchmarks.coldJvm", "discovery of 1,000 types: first in a new JVM" },
			new String[] { "DiscoveryInApplicationBenchmarks.firstInApplication",
					"discovery of 1,000 types: first in a new JVM, in a Spring Boot application that has just started" },
			new String[] { "DiscoveryBenchmarks.warmJvm", "discovery of 1,000 types: JIT-compiled" });

	private JmhMain() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (arg.isBlank()) {
				continue;
			}
			int equals = arg.indexOf('=');
			options.put(arg.substring(2, (equals > 0) ? equals : arg.length()),
					(equals > 0) ? arg.substring(equals + 1) : "true");
		}
		boolean quick = options.containsKey("quick");
		Pattern include = Pattern.compile(options.getOrDefault("include", ".*"));
		Map<String, Row> rows = new LinkedHashMap<>();
		double loadBefore = loadAverage();
		for (String[] benchmark : BENCHMARKS) {
			if (!include.matcher(benchmark[0]).find()) {
				continue;
			}
			double load = loadAverage();
			ChainedOptionsBuilder builder = new OptionsBuilder()
				.include("^" + Pattern.quote(JmhMain.class.getPackageName() + "." + benchmark[0]) + "$")
				.jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC")
				.shouldFailOnError(true);
			if (quick) {
				boolean cold = benchmark[0].endsWith("coldJvm") || benchmark[0].endsWith("firstInApplication");
				builder.warmupIterations(cold ? 0 : 1).measurementIterations(cold ? 1 : 3).forks(cold ? 2 : 1);
			}
			for (RunResult result : new Runner(builder.build()).run()) {
				Result<?> primary = result.getPrimaryResult();
				List<Double> iterations = new ArrayList<>();
				for (BenchmarkResult forkResult : result.getBenchmarkResults()) {
					for (IterationResult iteration : forkResult.getIterationResults()) {
						iterations.add(iteration.getPrimaryResult().getScore());
					}
				}
				rows.put(benchmark[0], new Row(benchmark[1], median(iterations), primary.getScore(),
						primary.getScoreError(), primary.getScoreUnit(), result.getParams().getMode().shortLabel(), load,
						loadAverage()));
			}
		}
		String report = markdown(rows, options.getOrDefault("command", DEFAULT_COMMAND), quick, loadBefore);
		System.out.println(report);
		String docs = options.get("docs");
		if (docs != null && !docs.isBlank()) {
			DocsFile.replaceSection(Path.of(docs), SECTION, report);
			System.out.println("Results written to " + Path.of(docs).toAbsolutePath().normalize());
		}
	}

	private static String markdown(Map<String, Row> rows, String command, boolean quick, double loadBefore) {
		StringBuilder md = new StringBuilder();
		md.append("Command: `").append(command).append("`").append(quick ? " (with `--quick`: fewer iterations)" : "")
			.append(". Java ").append(System.getProperty("java.runtime.version")).append(", ")
			.append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
			.append(String.format(Locale.ROOT, "%.2f", loadBefore)).append(" at the start.\n\n");
		md.append("Score: the median of the measurement iterations (of all forks); a busy machine slows single ")
			.append("iterations down, which moves JMH's mean, shown next to it with its 99.9 % error, far more than the ")
			.append("median. The targets are checked on the median.\n\n");
		md.append("| benchmark | mode | score (median) | mean ± error (99.9 %) | unit | load before–after |\n")
			.append("|---|---|---|---|---|---|\n");
		rows.forEach((name, row) -> md.append("| ").append(row.description).append(" (`").append(name).append("`) | ")
			.append(row.mode).append(" | ").append(String.format(Locale.ROOT, "%,.1f", row.score)).append(" | ")
			.append(String.format(Locale.ROOT, "%,.1f", row.mean))
			.append(Double.isNaN(row.error) ? "" : String.format(Locale.ROOT, " ± %,.1f", row.error)).append(" | ")
			.append(row.unit).append(" | ")
			.append(String.format(Locale.ROOT, "%.1f–%.1f", row.loadBefore, row.loadAfter)).append(" |\n"));
		List<String[]> targets = new ArrayList<>();
		Double binary = overhead(rows, "encodeOursBinary", "decodeOursBinary");
		if (binary != null) {
			targets.add(new String[] { "our encode + decode (binary) over Jackson + hand-built headers",
					String.format(Locale.ROOT, "%+.2f µs", binary), "≤ 1.5 µs", (binary <= 1.5) ? "yes" : "**no**" });
		}
		Double structured = overhead(rows, "encodeOursStructured", "decodeOursStructured");
		if (structured != null) {
			targets.add(new String[] { "our encode + decode (structured) over Jackson + hand-built headers",
					String.format(Locale.ROOT, "%+.2f µs", structured), "—", "—" });
		}
		for (String key : List.of("PartitionKeyBenchmarks.extractSingle", "PartitionKeyBenchmarks.extractComposite")) {
			Row row = rows.get(key);
			if (row != null) {
				targets.add(new String[] { row.description, String.format(Locale.ROOT, "%.1f ns", row.score), "≤ 100 ns",
						(row.score <= 100) ? "yes" : "**no**" });
			}
		}
		for (String key : List.of("DiscoveryBenchmarks.coldJvm", "DiscoveryInApplicationBenchmarks.firstInApplication",
				"DiscoveryBenchmarks.warmJvm")) {
			Row row = rows.get(key);
			if (row != null) {
				targets.add(new String[] { row.description, String.format(Locale.ROOT, "%.0f ms", row.score), "≤ 200 ms",
						(row.score <= 200) ? "yes" : "**no**" });
			}
		}
		if (!targets.isEmpty()) {
			md.append("\n| target | measured | target | met |\n|---|---|---|---|\n");
			targets.forEach((target) -> md.append("| ").append(String.join(" | ", target)).append(" |\n"));
		}
		return md.toString();
	}

	private static @Nullable Double overhead(Map<String, Row> rows, String encode, String decode) {
		Row ourEncode = rows.get("CodecBenchmarks." + encode);
		Row ourDecode = rows.get("CodecBenchmarks." + decode);
		Row baseEncode = rows.get("CodecBenchmarks.encodeHandWritten");
		Row baseDecode = rows.get("CodecBenchmarks.decodeHandWritten");
		if (ourEncode == null || ourDecode == null || baseEncode == null || baseDecode == null) {
			return null;
		}
		return (ourEncode.score + ourDecode.score - baseEncode.score - baseDecode.score) / 1000.0;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		return (n == 0) ? Double.NaN : (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	private record Row(String description, double score, double mean, double error, String unit, String mode,
			double loadBefore, double loadAfter) {
	}

}
