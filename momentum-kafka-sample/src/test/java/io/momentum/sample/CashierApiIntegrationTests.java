package io.momentum.sample;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

import static io.momentum.sample.TopicRecords.header;
import static io.momentum.sample.TopicRecords.headerCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cashiers: {@code curl} → publish → topic → handler → read model.
 */
@ExtendWith(OutputCaptureExtension.class)
class CashierApiIntegrationTests extends SampleIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Pattern CORRELATION = Pattern.compile("\\[([0-9a-f]{32})-[0-9a-f]{16}\\]");

	@Autowired
	private MeterRegistry meters;

	@Test
	void aPostedCashierIsPublishedAsACloudEventAndShowsInTheReadModel() {
		UUID tenantId = UUID.randomUUID();
		ResponseEntity<JsonNode> response = post("/cashiers",
				Map.of("tenantId", tenantId, "name", "Ada", "email", "ada@example.com"));

		assertAccepted(response);
		String id = response.getBody().path("id").asString();
		assertThat(response.getHeaders().getLocation()).hasToString("http://localhost:" + this.port + "/cashiers/" + id);
		JsonNode event = response.getBody().path("event");
		assertThat(event.path("topic").asString()).isEqualTo(topic("appdomain.public.cashiers"));
		assertThat(event.path("type").asString()).isEqualTo("CashierCreated");
		assertThat(event.path("key").asString()).isEqualTo(tenantId.toString());

		ConsumerRecord<String, String> record = TopicRecords.await(this.broker, topic("appdomain.public.cashiers"),
				(r) -> r.value().contains(id));
		assertThat(record.key()).isEqualTo(tenantId.toString());
		assertThat(record.offset()).isEqualTo(event.path("offset").asLong());
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_type")).isEqualTo("CashierCreated");
		assertThat(header(record, "ce_source")).isEqualTo("appdomain-api");
		assertThat(header(record, "ce_id")).isEqualTo(event.path("eventId").asString());
		assertThat(header(record, "ce_subject")).isEqualTo("tenant/" + tenantId);
		assertThat(header(record, "ce_partitionkey")).isEqualTo(tenantId.toString());
		assertThat(header(record, "content-type")).isEqualTo("application/json");
		JsonNode data = json.readTree(record.value());
		assertThat(data.path("tenantId").asString()).isEqualTo(tenantId.toString());
		assertThat(data.path("cashier").path("id").asString()).isEqualTo(id);
		assertThat(data.path("cashier").path("name").asString()).isEqualTo("Ada");
		assertThat(data.path("cashier").path("email").asString()).isEqualTo("ada@example.com");

		JsonNode cashier = awaitResource("/cashiers/" + id, (body) -> assertThat(body.path("name").asString()).isEqualTo("Ada"));
		assertThat(cashier.path("tenantId").asString()).isEqualTo(tenantId.toString());
		assertThat(cashier.path("email").asString()).isEqualTo("ada@example.com");
		assertThat(cashier.path("lastEvent").path("topic").asString()).isEqualTo(record.topic());
		assertThat(cashier.path("lastEvent").path("offset").asLong()).isEqualTo(record.offset());
		assertThat(get("/cashiers").getBody().valueStream().map((c) -> c.path("id").asString())).contains(id);
	}

	@Test
	void anUpdateReplacesNameAndEmailAndKeepsTheCreationDate() {
		String id = post("/cashiers", Map.of("tenantId", UUID.randomUUID(), "name", "Grace")).getBody()
			.path("id")
			.asString();
		JsonNode created = awaitResource("/cashiers/" + id, (body) -> assertThat(body.path("name").asString()).isEqualTo("Grace"));

		ResponseEntity<JsonNode> response = put("/cashiers/" + id, Map.of("name", "Grace Hopper", "email", "grace@example.com"));

		assertAccepted(response);
		assertThat(response.getBody().path("event").path("type").asString()).isEqualTo("CashierUpdated");
		JsonNode updated = awaitResource("/cashiers/" + id,
				(body) -> assertThat(body.path("name").asString()).isEqualTo("Grace Hopper"));
		assertThat(updated.path("email").asString()).isEqualTo("grace@example.com");
		assertThat(updated.path("createdDate").asString()).isEqualTo(created.path("createdDate").asString());
		assertThat(updated.path("updatedDate").isNull()).isFalse();
		assertThat(updated.path("lastEvent").path("type").asString()).isEqualTo("CashierUpdated");
	}

	@Test
	void anUpdateOfAnUnknownCashierIsNotFound() {
		ResponseEntity<JsonNode> response = put("/cashiers/" + UUID.randomUUID(), Map.of("name", "Nobody"));

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(get("/cashiers/" + UUID.randomUUID()).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void aCashierWithoutTenantIsABadRequestAndNothingIsPublished() {
		double publishedBefore = publishedCashierCreated();

		ResponseEntity<JsonNode> response = post("/cashiers", Map.of("name", "Ada"));

		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody().path("detail").asString()).isEqualTo("'tenantId' is required");
		assertThat(publishedCashierCreated()).isEqualTo(publishedBefore);
	}

	@Test
	void theHandlersLogLineCarriesTheTraceIdOfTheRequestThatPublished(CapturedOutput output) {
		String id = post("/cashiers", Map.of("tenantId", UUID.randomUUID(), "name", "Ada")).getBody().path("id").asString();
		awaitResource("/cashiers/" + id, (body) -> assertThat(body.path("id").asString()).isEqualTo(id));

		String requestTrace = traceIdOfLine(output, "Publishing CashierCreated for cashier " + id);
		String handlerTrace = traceIdOfLine(output, "Cashier " + id + " created");
		assertThat(handlerTrace).isEqualTo(requestTrace);
		ConsumerRecord<String, String> record = TopicRecords.await(this.broker, topic("appdomain.public.cashiers"),
				(r) -> r.value().contains(id));
		assertThat(headerCount(record, "traceparent")).isEqualTo(1);
		assertThat(header(record, "traceparent")).startsWith("00-" + requestTrace + "-");
		assertThat(header(record, "ce_traceparent")).startsWith("00-" + requestTrace + "-");
	}

	private static String traceIdOfLine(CapturedOutput output, String text) {
		String line = await().atMost(HANDLED_WITHIN)
			.until(() -> output.getOut().lines().filter((l) -> l.contains(text)).findFirst().orElse(null),
					(l) -> l != null);
		Matcher matcher = CORRELATION.matcher(line);
		assertThat(matcher.find()).as("trace id in %s", line).isTrue();
		return matcher.group(1);
	}

	private double publishedCashierCreated() {
		return Search.in(this.meters)
			.name("kafka.messages.produced")
			.tag("type", "CashierCreated")
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
