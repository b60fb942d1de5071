package io.momentum.sample;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.test.MomentumKafkaTest;
import io.momentum.kafka.test.TestKafkaBroker;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as a person meets it: the whole application on a random port against a real broker
 * ({@link MomentumKafkaTest}: its own topic environment segment and consumer group), driven over
 * HTTP. Every subclass has the same configuration, so they share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "momentum.kafka.metrics.lag-interval=500ms", "momentum.kafka.health.timeout=2s" })
@MomentumKafkaTest
abstract class SampleIntegrationTests {

	static final Duration HANDLED_WITHIN = Duration.ofSeconds(20);

	@LocalServerPort
	int port;

	@Autowired
	TestKafkaBroker broker;

	@Value("${momentum.kafka.environment}")
	String environment;

	@Value("${momentum.kafka.consumer.group-id}")
	String groupId;

	@Autowired
	private IntegrationEventListenerContainers containers;

	RestClient http;

	/**
	 * The consumers start at the latest offset (the seed's default) once they have partitions: an
	 * event published before that would be skipped, so no test publishes before it.
	 */
	@BeforeEach
	void awaitPartitionsAssigned() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		await().atMost(HANDLED_WITHIN)
			.until(() -> this.containers.getContainers()
				.values()
				.stream()
				.allMatch((container) -> !container.getAssignedPartitions().isEmpty()));
	}

	/**
	 * The full name of a topic in this test's environment.
	 * @param name the name after the environment segment, for example {@code appdomain.public.cashiers}
	 * @return the topic
	 */
	String topic(String name) {
		return this.environment + "." + name;
	}

	ResponseEntity<JsonNode> post(String path, Object body) {
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> put(String path, Object body) {
		return this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	String getText(String path) {
		return this.http.get().uri(path).retrieve().body(String.class);
	}

	/**
	 * Waits until a read-model resource exists and passes the assertions.
	 * @param path the resource
	 * @param assertions what it must show
	 * @return the resource
	 */
	JsonNode awaitResource(String path, Consumer<JsonNode> assertions) {
		AtomicReference<JsonNode> resource = new AtomicReference<>();
		await().atMost(HANDLED_WITHIN).untilAsserted(() -> {
			ResponseEntity<JsonNode> response = get(path);
			assertThat(response.getStatusCode().value()).as("GET %s", path).isEqualTo(200);
			assertions.accept(response.getBody());
			resource.set(response.getBody());
		});
		return resource.get();
	}

	static void assertAccepted(ResponseEntity<JsonNode> response) {
		assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(202);
	}

}
