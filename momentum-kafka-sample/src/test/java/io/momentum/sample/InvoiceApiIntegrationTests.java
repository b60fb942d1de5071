package io.momentum.sample;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static io.momentum.sample.TopicRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices: the seed's custom topic, {@code dev.billing.public.invoice-events.v2}.
 */
class InvoiceApiIntegrationTests extends SampleIntegrationTests {

	@Test
	void anInvoiceIsPublishedOnTheBillingTopicAndShowsInTheReadModel() {
		UUID tenantId = UUID.randomUUID();
		UUID id = UUID.randomUUID();

		ResponseEntity<JsonNode> response = put("/invoices/" + id,
				Map.of("tenantId", tenantId, "amount", 12.50, "currency", "EUR", "status", "ISSUED"));

		assertAccepted(response);
		assertThat(response.getBody().path("event").path("topic").asString())
			.isEqualTo(topic("billing.public.invoice-events.v2"));
		ConsumerRecord<String, String> record = TopicRecords.await(this.broker, topic("billing.public.invoice-events.v2"),
				(r) -> r.value().contains(id.toString()));
		assertThat(record.key()).isEqualTo(tenantId.toString());
		assertThat(header(record, "ce_type")).isEqualTo("InvoiceUpdated");
		assertThat(record.value()).contains("\"amount\":12.5", "\"currency\":\"EUR\"", "\"status\":\"ISSUED\"");
		JsonNode invoice = awaitResource("/invoices/" + id,
				(body) -> assertThat(body.path("status").asString()).isEqualTo("ISSUED"));
		assertThat(invoice.path("amount").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(invoice.path("tenantId").asString()).isEqualTo(tenantId.toString());
	}

	@Test
	void aSecondUpdateReplacesTheInvoice() {
		UUID tenantId = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		assertAccepted(put("/invoices/" + id, Map.of("tenantId", tenantId, "amount", 30, "currency", "USD")));
		awaitResource("/invoices/" + id, (body) -> assertThat(body.path("status").asString()).isEqualTo("DRAFT"));

		assertAccepted(put("/invoices/" + id,
				Map.of("tenantId", tenantId, "amount", 30, "currency", "USD", "status", "PAID")));

		awaitResource("/invoices/" + id, (body) -> assertThat(body.path("status").asString()).isEqualTo("PAID"));
		assertThat(get("/invoices").getBody().valueStream().filter((i) -> i.path("id").asString().equals(id.toString())))
			.hasSize(1);
	}

	@Test
	void anInvoiceWithAnInvalidCurrencyIsABadRequest() {
		ResponseEntity<JsonNode> response = put("/invoices/" + UUID.randomUUID(),
				Map.of("tenantId", UUID.randomUUID(), "amount", 1, "currency", "euro"));

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody().path("detail").asString()).contains("'currency'");
	}

}
