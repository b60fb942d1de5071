package io.momentum.kafka.consuming;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.momentum.kafka.cloudevents.CloudEventDataBinder;
import io.momentum.kafka.cloudevents.SdkCloudEventReader;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.consuming.fixtures.Cashier;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CashierUpdated;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.converter.ConversionException;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.dotnet;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.json;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.raw;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntegrationEventMessageConverterTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private static final CashierCreated CREATED = new CashierCreated(UUID.randomUUID(),
			new Cashier(UUID.randomUUID(), "John Doe", "john.doe@example.com", Instant.parse("2024-01-15T10:30:00Z")));

	// The catalog is built by hand: the topics auto-configuration builds the real one.
	private static final EventCatalog CATALOG = TestCatalog.builder()
		.add(CashierCreated.class, TOPIC, "cashier.created.v1", "tenantId", (event) -> event.tenantId().toString())
		.build();

	private final IntegrationEventMessageConverter converter = new IntegrationEventMessageConverter(
			new SdkCloudEventReader(), new CloudEventDataBinder(JsonMapper.shared()), () -> CATALOG);

	@Test
	void convertsEveryInputFormatToTheEventType() {
		assertThat(payload(binary(TOPIC, "k", event("cashier.created.v1", CREATED, "s")), false)).isEqualTo(CREATED);
		assertThat(payload(structured(TOPIC, "k", event("CashierCreated", CREATED, "s")), false)).isEqualTo(CREATED);
		assertThat(payload(dotnet(TOPIC, "k", "id", new String(json(CREATED), StandardCharsets.UTF_8)), false))
			.isEqualTo(CREATED);
	}

	@Test
	void convertsStringValues() {
		assertThat(payload(binary(TOPIC, "k", event("CashierCreated", CREATED, "s")), true)).isEqualTo(CREATED);
	}

	@Test
	void leavesOtherPayloadTypesAlone() {
		ProducerRecord<byte[], byte[]> record = raw(TOPIC, "k", "plain".getBytes(StandardCharsets.UTF_8));
		Object payload = this.converter.toMessage(consumed(record, true), null, null, String.class).getPayload();
		assertThat(payload).isEqualTo("plain");
	}

	@Test
	void recordOfAnotherTypeIsAConversionFailure() {
		ProducerRecord<byte[], byte[]> record = binary(TOPIC, "k",
				event("CashierUpdated", new CashierUpdated(CREATED.tenantId(), CREATED.cashier()), "s"));
		assertThatExceptionOfType(ConversionException.class).isThrownBy(() -> payload(record, false))
			.withMessageContaining(TOPIC + "-0@42")
			.withMessageContaining("'CashierUpdated' is not " + CashierCreated.class.getName())
			.withCauseInstanceOf(UnreadableEventException.class);
	}

	@Test
	void unreadableRecordIsAConversionFailure() {
		assertThatExceptionOfType(ConversionException.class)
			.isThrownBy(() -> payload(raw(TOPIC, "k", new byte[] { 1, 2, 3 }), false))
			.withCauseInstanceOf(UnreadableEventException.class);
	}

	private Object payload(ProducerRecord<byte[], byte[]> record, boolean asString) {
		return this.converter.toMessage(consumed(record, asString), null, null, CashierCreated.class).getPayload();
	}

	private static ConsumerRecord<Object, Object> consumed(ProducerRecord<byte[], byte[]> record, boolean asString) {
		Object value = asString ? new String(record.value(), StandardCharsets.UTF_8) : record.value();
		return new ConsumerRecord<>(record.topic(), 0, 42, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(), value,
				record.headers(), java.util.Optional.empty());
	}

}
