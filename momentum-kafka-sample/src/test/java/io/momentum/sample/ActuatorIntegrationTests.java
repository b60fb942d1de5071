package io.momentum.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator looks at: {@code /actuator/health} and {@code /actuator/prometheus}.
 */
class ActuatorIntegrationTests extends SampleIntegrationTests {

	private static final List<String> EVENT_TOPICS = List.of("appdomain.internal.orders", "appdomain.public.cashiers",
			"appdomain.public.orders", "billing.public.invoice-events.v2");

	@Test
	void healthIsUpWithTheKafkaDetails() {
		ResponseEntity<JsonNode> response = get("/actuator/health");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody().path("status").asString()).isEqualTo("UP");
		JsonNode kafka = response.getBody().path("components").path("kafka");
		assertThat(kafka.path("status").asString()).isEqualTo("UP");
		JsonNode details = kafka.path("details");
		assertThat(details.path("clusterId").asString()).isNotBlank();
		assertThat(details.path("brokers").asInt()).isEqualTo(1);
		List<String> expected = EVENT_TOPICS.stream()
			.flatMap((name) -> List.of(topic(name), topic(name) + ".dead-letter").stream())
			.toList();
		assertThat(details.path("topics").path("expected").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(details.path("topics").path("missing").isEmpty()).isTrue();
		for (String name : EVENT_TOPICS) {
			JsonNode container = details.path("listenerContainers").path("momentum-" + topic(name));
			assertThat(container.path("running").asBoolean()).as("%s running", name).isTrue();
			assertThat(container.path("groupId").asString()).isEqualTo(this.groupId);
			assertThat(container.path("assignedPartitions").valueStream().map(JsonNode::asString))
				.containsExactly(topic(name) + "-0");
		}
		assertThat(get("/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
	}

	@Test
	void prometheusShowsTheFourMetricsOfTheSeed() {
		String id = post("/cashiers", Map.of("tenantId", UUID.randomUUID(), "name", "Ada")).getBody().path("id").asString();
		awaitResource("/cashiers/" + id, (body) -> assertThat(body.path("id").asString()).isEqualTo(id));
		String cashiers = topic("appdomain.public.cashiers");

		await().atMost(HANDLED_WITHIN).untilAsserted(() -> assertThat(getText("/actuator/prometheus")).contains(
				"kafka_messages_produced_total{outcome=\"success\",topic=\"" + cashiers + "\",type=\"CashierCreated\"}",
				"kafka_messages_consumed_total{group=\"" + this.groupId + "\",outcome=\"success\",topic=\"" + cashiers
						+ "\",type=\"CashierCreated\"}",
				"kafka_consumer_lag{group=\"" + this.groupId + "\",partition=\"0\",topic=\"" + cashiers + "\"} 0.0",
				"kafka_consumer_group_members{group=\"" + this.groupId + "\"} 4.0"));
	}

	@Test
	void publishDurationsReachPrometheus() {
		String id = post("/cashiers", Map.of("tenantId", UUID.randomUUID(), "name", "Ada")).getBody().path("id").asString();
		String cashiers = topic("appdomain.public.cashiers");

		assertThat(id).isNotBlank();
		await().atMost(HANDLED_WITHIN)
			.untilAsserted(() -> assertThat(getText("/actuator/prometheus").lines()
				.filter((line) -> line.startsWith("spring_kafka_template_seconds_count{error=\"none\"")
						&& line.contains("messaging_destination_name=\"" + cashiers + "\"")))
				.singleElement()
				.satisfies((line) -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isPositive()));
	}

}
