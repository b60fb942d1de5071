package io.momentum.kafka.publishing;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProducerDefaultsTests {

	@Test
	void unconfiguredProducerGetsMomentumsSettings() {
		assertThat(new ProducerDefaults(() -> null).missingFrom(Map.of("bootstrap.servers", "localhost:9092")))
			.containsExactly(Map.entry("acks", "all"), Map.entry("enable.idempotence", true),
					Map.entry("linger.ms", 5), Map.entry("batch.size", 16384),
					Map.entry("compression.type", "snappy"));
	}

	@Test
	void explicitSettingsWin() {
		Map<String, Object> configured = Map.of("acks", "all", "enable.idempotence", "false", "linger.ms", "20",
				"batch.size", 32768, "compression.type", "gzip");
		assertThat(new ProducerDefaults(() -> null).missingFrom(configured)).isEmpty();
	}

	@Test
	void idempotenceIsLeftOffWhenTheApplicationChoseSettingsItForbids() {
		ProducerDefaults defaults = new ProducerDefaults(() -> null);
		assertThat(defaults.missingFrom(Map.of("acks", "1"))).doesNotContainKeys("enable.idempotence", "acks");
		assertThat(defaults.missingFrom(Map.of("retries", 0))).doesNotContainKey("enable.idempotence");
		assertThat(defaults.missingFrom(Map.of("max.in.flight.requests.per.connection", "10")))
			.doesNotContainKey("enable.idempotence");
		assertThat(defaults.missingFrom(Map.of("acks", "-1"))).containsEntry("enable.idempotence", true);
	}

	@Test
	void withoutSnappyLz4IsUsedWithAWarningThatSaysWhy(CapturedOutput output) {
		ProducerDefaults defaults = new ProducerDefaults(() -> "the snappy native library could not be loaded (test)");
		assertThat(defaults.missingFrom(Map.of())).containsEntry("compression.type", "lz4");
		assertThat(output).contains("compression.type=snappy (Momentum's default) is not available: "
				+ "the snappy native library could not be loaded (test). Producers use compression.type=lz4");
	}

	@Test
	void snappyWorksOnThisMachine() {
		assertThat(ProducerDefaults.snappyProblem()).isNull();
	}

}
