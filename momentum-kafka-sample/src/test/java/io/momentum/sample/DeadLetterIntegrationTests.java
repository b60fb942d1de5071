package io.momentum.sample;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.momentum.kafka.consuming.error.IntegrationEventDeadLetterRecoverer;
import io.momentum.sample.cashiers.CashierRejectedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;

import static io.momentum.sample.TopicRecords.header;
import static io.momentum.sample.TopicRecords.headerCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter path: a cashier named {@code reject-me} is refused by its handler with a
 * {@code @NonRetryable} business exception and goes to {@code dev.appdomain.public.cashiers.dead-letter}.
 */
class DeadLetterIntegrationTests extends SampleIntegrationTests {

	@Test
	void aRejectedCashierGoesToTheDeadLetterTopicOnceWithItsReasonAndThePartitionMovesOn() {
		UUID tenantId = UUID.randomUUID();
		String cashiers = topic("appdomain.public.cashiers");

		ResponseEntity<JsonNode> rejected = post("/cashiers", Map.of("tenantId", tenantId, "name", "reject-me"));
		ResponseEntity<JsonNode> accepted = post("/cashiers", Map.of("tenantId", tenantId, "name", "Ada"));

		assertAccepted(rejected);
		String rejectedId = rejected.getBody().path("id").asString();
		JsonNode event = rejected.getBody().path("event");
		// Same tenant, same partition: the cashier published after the rejected one is still handled.
		awaitResource("/cashiers/" + accepted.getBody().path("id").asString(),
				(body) -> assertThat(body.path("name").asString()).isEqualTo("Ada"));
		ConsumerRecord<String, String> original = TopicRecords.await(this.broker, cashiers,
				(r) -> r.value().contains(rejectedId));
		ConsumerRecord<String, String> letter = TopicRecords.await(this.broker, cashiers + ".dead-letter",
				(r) -> r.value().contains(rejectedId));

		assertThat(letter.key()).isEqualTo(tenantId.toString());
		assertThat(letter.value()).isEqualTo(original.value());
		assertThat(header(letter, "ce_type")).isEqualTo("CashierCreated");
		assertThat(header(letter, "ce_id")).isEqualTo(event.path("eventId").asString());
		assertThat(header(letter, "ce_subject")).isEqualTo("tenant/" + tenantId);
		assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(cashiers);
		assertThat(number(letter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo(original.offset());
		assertThat(number(letter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo(original.partition());
		assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(this.groupId);
		assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(CashierRejectedException.class.getName());
		assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
			.contains("Cashier " + rejectedId + " rejected: the name 'reject-me' is refused");
		assertThat(number(letter, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).as("attempts: not retried").isEqualTo(1);
		for (String name : List.of(KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_OFFSET,
				KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)) {
			assertThat(headerCount(letter, name)).as(name).isEqualTo(1);
		}
		assertThat(get("/cashiers/" + rejectedId).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void theDeadLetterViewAndTheMetricsShowTheRejection() {
		String cashiers = topic("appdomain.public.cashiers");
		String rejectedId = post("/cashiers", Map.of("tenantId", UUID.randomUUID(), "name", "reject-me")).getBody()
			.path("id")
			.asString();

		JsonNode letter = await().atMost(HANDLED_WITHIN)
			.until(() -> get("/dead-letters").getBody()
				.valueStream()
				.filter((l) -> l.path("reason").asString().contains(rejectedId))
				.findFirst()
				.orElse(null), (l) -> l != null);
		assertThat(letter.path("topic").asString()).isEqualTo(cashiers + ".dead-letter");
		assertThat(letter.path("type").asString()).isEqualTo("CashierCreated");
		assertThat(letter.path("originalTopic").asString()).isEqualTo(cashiers);
		assertThat(letter.path("originalPartition").asInt()).isZero();
		assertThat(letter.path("originalOffset").isNumber()).isTrue();
		assertThat(letter.path("exception").asString()).isEqualTo(CashierRejectedException.class.getName());
		assertThat(letter.path("attempts").asInt()).isEqualTo(1);
		await().atMost(HANDLED_WITHIN)
			.untilAsserted(() -> assertThat(getText("/actuator/prometheus")).contains("kafka_messages_consumed_total{group=\""
					+ this.groupId + "\",outcome=\"dead_lettered\",topic=\"" + cashiers + "\",type=\"CashierCreated\"}"));
	}

	private static long number(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as(name).isNotNull();
		ByteBuffer value = ByteBuffer.wrap(header.value());
		return (header.value().length == Long.BYTES) ? value.getLong() : value.getInt();
	}

}
