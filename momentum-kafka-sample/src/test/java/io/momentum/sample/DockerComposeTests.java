package io.momentum.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's {@code docker-compose.yml}, checked by reading it: the build machines have no
 * Docker engine to start it with.
 */
class DockerComposeTests {

	private static Map<String, Object> services;

	@BeforeAll
	static void readComposeFile() throws IOException {
		Path file = Path.of(System.getProperty("sample.compose-file", "../docker-compose.yml"));
		try (Reader reader = Files.newBufferedReader(file)) {
			Map<String, Object> compose = new Yaml().load(reader);
			services = map(compose.get("services"));
		}
	}

	@Test
	void runsKafkaAndTheSampleAndNoZooKeeper() {
		assertThat(services).containsOnlyKeys("kafka", "appdomain-api");
	}

	@Test
	void kafkaIsASingleKRaftNodeOnPort9092() {
		Map<String, Object> kafka = map(services.get("kafka"));
		Map<String, Object> environment = map(kafka.get("environment"));

		assertThat(kafka.get("image").toString()).startsWith("apache/kafka:");
		assertThat(list(kafka.get("ports"))).contains("9092:9092");
		assertThat(values(environment.get("KAFKA_PROCESS_ROLES"))).containsExactlyInAnyOrder("broker", "controller");
		assertThat(environment.get("KAFKA_CONTROLLER_QUORUM_VOTERS").toString())
			.isEqualTo(environment.get("KAFKA_NODE_ID") + "@kafka:9093");
		assertThat(environment.keySet()).noneMatch((key) -> key.contains("ZOOKEEPER"));
		assertThat(values(environment.get("KAFKA_ADVERTISED_LISTENERS"))).contains("EXTERNAL://localhost:9092");
		assertThat(environment.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo(1);
		assertThat(map(kafka.get("healthcheck"))).containsKey("test");
	}

	@Test
	void theSampleServesPort8080AndReachesKafkaThroughItsAdvertisedListener() {
		Map<String, Object> sample = map(services.get("appdomain-api"));
		Map<String, Object> environment = map(sample.get("environment"));
		Map<String, Object> kafkaEnvironment = map(map(services.get("kafka")).get("environment"));

		assertThat(list(sample.get("ports"))).contains("8080:8080");
		String connectionString = environment.get("ConnectionStrings__Messaging").toString();
		// Inside the compose network the sample must use the listener advertised under the service name.
		assertThat(values(kafkaEnvironment.get("KAFKA_ADVERTISED_LISTENERS")))
			.anyMatch((listener) -> listener.endsWith("://" + connectionString) && connectionString.startsWith("kafka:"));
		assertThat(map(map(sample.get("depends_on")).get("kafka"))).containsEntry("condition", "service_healthy");
	}

	@Test
	void theSampleRunsTheJarThatThisModuleBuilds() {
		Map<String, Object> sample = map(services.get("appdomain-api"));
		String jar = System.getProperty("sample.jar", "momentum-kafka-sample-0.1.0-SNAPSHOT.jar");

		assertThat(list(sample.get("volumes"))).contains("./momentum-kafka-sample/target:/app:ro");
		assertThat(list(sample.get("command"))).containsExactly("java", "-jar", "/app/" + jar);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<String> list(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return ((List<?>) value).stream().map(Object::toString).toList();
	}

	private static List<String> values(Object commaSeparated) {
		return Arrays.stream(commaSeparated.toString().split(",")).map(String::trim).toList();
	}

}
