package io.momentum.sample;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static io.momentum.sample.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders: two partition keys, and a public event that leads to an internal one.
 */
class OrderApiIntegrationTests extends SampleIntegrationTests {

	@Test
	void anOrderIsKeyedByTenantAndCustomerAndValidatedThroughTheInternalTopic() {
		UUID tenantId = UUID.randomUUID();
		UUID customerId = UUID.randomUUID();

		ResponseEntity<JsonNode> response = post("/orders", Map.of("tenantId", tenantId, "customerId", customerId,
				"lines", List.of(Map.of("product", "pen", "quantity", 2, "unitPrice", 1.5),
						Map.of("product", "ink", "quantity", 1, "unitPrice", 4))));

		assertAccepted(response);
		String id = response.getBody().path("id").asString();
		ConsumerRecord<String, String> created = TopicRecords.await(this.broker, topic("appdomain.public.orders"),
				(r) -> r.value().contains(id));
		assertThat(created.key()).isEqualTo(tenantId + "|" + customerId);
		assertThat(header(created, "ce_partitionkey")).isEqualTo(tenantId + "|" + customerId);
		assertThat(header(created, "ce_type")).isEqualTo("OrderCreated");
		JsonNode order = awaitResource("/orders/" + id,
				(body) -> assertThat(body.path("status").asString()).isEqualTo("VALIDATED"));
		assertThat(order.path("total").decimalValue()).isEqualByComparingTo("7.0");
		assertThat(order.path("customerId").asString()).isEqualTo(customerId.toString());
		assertThat(order.path("lastEvent").path("topic").asString()).isEqualTo(topic("appdomain.internal.orders"));
		ConsumerRecord<String, String> validated = TopicRecords.await(this.broker, topic("appdomain.internal.orders"),
				(r) -> r.value().contains(id));
		assertThat(validated.key()).isEqualTo(tenantId.toString());
		assertThat(header(validated, "ce_type")).isEqualTo("OrderValidated");
	}

	@Test
	void anOrderWithoutLinesIsABadRequest() {
		ResponseEntity<JsonNode> response = post("/orders",
				Map.of("tenantId", UUID.randomUUID(), "customerId", UUID.randomUUID(), "lines", List.of()));

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().path("detail").asString()).isEqualTo("'lines' must not be empty");
	}

}
