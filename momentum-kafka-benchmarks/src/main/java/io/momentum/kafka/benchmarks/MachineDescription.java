package io.momentum.kafka.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.utils.AppInfoParser;

import org.springframework.boot.SpringBootVersion;

/**
 * What a reader needs to judge the figures: when, on what hardware and software, and how busy the machine was.
 */
final class MachineDescription {

	private MachineDescription() {
	}

	static Map<String, String> describe() {
		Map<String, String> description = new LinkedHashMap<>();
		description.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		description.put("CPU", cpuModel().orElse("unknown") + ", " + Runtime.getRuntime().availableProcessors()
				+ " cores visible to the JVM (shared by the client JVM, the broker JVM and anything else running)");
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			description.put("memory", String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (double) (1L << 30)));
		}
		description.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
				+ System.getProperty("os.arch") + ")");
		description.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		description.put("client JVM options", String.join(" ", ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter((argument) -> argument.startsWith("-X"))
			.toList()));
		description.put("versions", "Spring Boot " + SpringBootVersion.getVersion() + ", kafka-clients "
				+ AppInfoParser.getVersion() + ", CloudEvents SDK "
				+ Optional.ofNullable(CloudEventSerializer.class.getPackage().getImplementationVersion())
					.orElse("(version not in its jar manifest)"));
		description.put("load average at the start", String.format(Locale.ROOT, "%.2f", ProcessCpu.loadAverage()));
		return description;
	}

	private static Optional<String> cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
