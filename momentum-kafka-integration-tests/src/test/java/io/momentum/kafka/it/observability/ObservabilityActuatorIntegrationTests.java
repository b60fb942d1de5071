package io.momentum.kafka.it.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.metrics.ConsumeOutcome;
import io.momentum.kafka.metrics.ConsumerLagMetrics;
import io.momentum.kafka.metrics.IntegrationEventMetrics;
import io.momentum.kafka.metrics.ProduceOutcome;
import io.momentum.kafka.partitioning.PartitionKeyExtractor;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/health}, its readiness group and {@code /actuator/prometheus} over HTTP, with
 * the starter against a real broker.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = ObservabilityActuatorIntegrationTests.ObservedApplication.class,
		properties = { "spring.application.name=" + ObservabilityActuatorIntegrationTests.GROUP,
				"spring.kafka.consumer.auto-offset-reset=earliest",
				"management.endpoints.web.exposure.include=health,prometheus",
				"management.endpoint.health.show-details=always", "momentum.kafka.health.timeout=2s",
				"momentum.kafka.metrics.lag-interval=200ms" })
class ObservabilityActuatorIntegrationTests {

	static final String TOPIC = "dev.appdomain.public.cashiers";

	static final String GROUP = "observability-it";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static EmbeddedKafkaKraftBroker broker;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private IntegrationEventMetrics integrationEventMetrics;

	@Autowired
	private KafkaMessageListenerContainer<Object, Object> cashierListener;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC, TOPIC + ".dead-letter");
		// Spring Kafka would otherwise leave spring.kafka.bootstrap-servers set JVM-wide for later test classes
		broker.brokerListProperty("momentum.test.embedded-brokers");
		broker.afterPropertiesSet();
		registry.add("ConnectionStrings.Messaging", broker::getBrokersAsString);
	}

	@Test
	void healthShowsTheKafkaComponentUpWithClusterTopicsAndContainers() throws Exception {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			HttpResponse<String> response = get("/actuator/health");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode kafka = json.readTree(response.body()).path("components").path("kafka");
			assertThat(kafka.path("status").asString()).isEqualTo("UP");
			JsonNode details = kafka.path("details");
			assertThat(details.path("clusterId").asString()).isNotBlank();
			assertThat(details.path("brokers").asInt()).isEqualTo(1);
			assertThat(strings(details.path("topics").path("expected"))).containsExactly(TOPIC,
					TOPIC + ".dead-letter");
			assertThat(strings(details.path("topics").path("missing"))).isEmpty();
			JsonNode container = details.path("listenerContainers").path("cashierListener");
			assertThat(container.path("running").asBoolean()).isTrue();
			assertThat(strings(container.path("assignedPartitions"))).containsExactly(TOPIC + "-0", TOPIC + "-1");
			assertThat(response.body()).doesNotContain("jaas", "password");
		});
	}

	@Test
	void whenAListenerContainerStopsThenTheReadinessProbeFailsButTheLivenessProbeDoesNot() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health/readiness").statusCode() == 200);

		this.cashierListener.stop();
		try {
			HttpResponse<String> readiness = get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(json.readTree(readiness.body()).path("status").asString()).isEqualTo("DOWN");
			assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
		finally {
			this.cashierListener.start();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
	}

	@Test
	void prometheusScrapeHasTheFourMetricNames() throws Exception {
		produce(TOPIC, 5);
		this.integrationEventMetrics.produced(TOPIC, "CashierCreated", ProduceOutcome.SUCCESS);
		this.integrationEventMetrics.consumed(TOPIC, "CashierCreated", GROUP, ConsumeOutcome.SUCCESS);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			HttpResponse<String> response = get("/actuator/prometheus");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body())
				.contains("kafka_messages_produced_total{outcome=\"success\",topic=\"" + TOPIC
						+ "\",type=\"CashierCreated\"} 1.0")
				.contains("kafka_messages_consumed_total{group=\"" + GROUP + "\",outcome=\"success\",topic=\"" + TOPIC
						+ "\",type=\"CashierCreated\"} 1.0")
				.contains("kafka_consumer_lag{group=\"" + GROUP + "\",partition=\"0\",topic=\"" + TOPIC + "\"} 0.0")
				.contains("kafka_consumer_lag{group=\"" + GROUP + "\",partition=\"1\",topic=\"" + TOPIC + "\"} 0.0")
				.contains("kafka_consumer_group_members{group=\"" + GROUP + "\"} 1.0");
		});
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static void produce(String topic, int count) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(topic, "tenant-" + i, "{}"));
			}
		}
	}

	@SpringBootApplication
	static class ObservedApplication {

		// The catalog built from @EventTopic scanning and the handler containers are written in
		// parallel; until they merge, this application declares both by hand.
		// Stops the broker after the application's consumers and admin client, not before them.
		@Bean
		DisposableBean embeddedKafkaBroker() {
			return broker::destroy;
		}

		@Bean
		EventCatalog eventCatalog() {
			return new EventCatalog(List.of(new EventDescriptor(CashierCreated.class, TOPIC,
					TOPIC + EventDescriptor.DEAD_LETTER_SUFFIX, "CashierCreated", NoKey.INSTANCE, null, null, null)));
		}

		@Bean
		KafkaMessageListenerContainer<Object, Object> cashierListener(ConsumerFactory<Object, Object> consumerFactory) {
			ContainerProperties properties = new ContainerProperties(TOPIC);
			properties.setGroupId(GROUP);
			properties.setMessageListener((MessageListener<Object, Object>) (record) -> {
			});
			return new KafkaMessageListenerContainer<>(consumerFactory, properties);
		}

		// The lag meters measure the groups of @IntegrationEventHandler containers; the group of a
		// container of the application's own is measured by a ConsumerLagMetrics bean of its own.
		@Bean
		ConsumerLagMetrics cashierListenerLag(SharedAdminClient momentumKafkaAdminClient) {
			return new ConsumerLagMetrics(momentumKafkaAdminClient, GROUP, TOPIC::equals, Duration.ofMillis(200),
					Duration.ofSeconds(2));
		}

	}

	record CashierCreated() {
	}

	enum NoKey implements PartitionKeyExtractor {

		INSTANCE;

		@Override
		public @Nullable String extract(Object event) {
			return null;
		}

		@Override
		public List<String> components() {
			return List.of();
		}

	}

}
