package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.momentum.kafka.consuming.fixtures.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.bytes;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SdkCloudEventReaderTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private static final byte[] DATA = bytes("{\"tenantId\":\"123e4567-e89b-12d3-a456-426614174000\"}");

	private final SdkCloudEventReader reader = new SdkCloudEventReader();

	@Test
	void readsBinaryModeWrittenByTheSdk() {
		CloudEvent sent = CloudEventRecords.event("CashierCreated", Map.of("a", 1), "tenant/1");
		CloudEvent read = read(CloudEventRecords.binary(TOPIC, "k", sent));
		assertThat(read.getId()).isEqualTo(sent.getId());
		assertThat(read.getSource()).isEqualTo(sent.getSource());
		assertThat(read.getType()).isEqualTo("CashierCreated");
		assertThat(read.getTime()).isEqualTo(sent.getTime());
		assertThat(read.getSubject()).isEqualTo("tenant/1");
		assertThat(read.getExtension("partitionkey")).isEqualTo("key");
		assertThat(read.getData().toBytes()).isEqualTo(sent.getData().toBytes());
	}

	@Test
	void readsStructuredModeWrittenByTheSdk() {
		CloudEvent sent = CloudEventRecords.event("CashierCreated", Map.of("a", 1), "tenant/1");
		CloudEvent read = read(CloudEventRecords.structured(TOPIC, "k", sent));
		assertThat(read.getId()).isEqualTo(sent.getId());
		assertThat(read.getType()).isEqualTo("CashierCreated");
		assertThat(read.getTime()).isEqualTo(sent.getTime());
		assertThat(read.getExtension("partitionkey")).isEqualTo("key");
		assertThat(new String(read.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
	}

	@Test
	void readsStructuredModeWithCharsetParameter() {
		CloudEvent read = read(raw(TOPIC, "k", bytes("""
				{"specversion":"1.0","type":"CashierCreated","source":"appdomain-api","id":"e-1",
				 "time":"2024-01-15T10:30:00Z","datacontenttype":"application/json","data":{"a":1}}"""), "content-type",
				"application/cloudevents+json; charset=utf-8"));
		assertThat(read.getId()).isEqualTo("e-1");
		assertThat(read.getTime()).isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:00Z"));
	}

	@Test
	void readsHyphenatedHeadersOfTheSeed() {
		CloudEvent read = read(raw(TOPIC, "k", DATA, "ce-specversion", "1.0", "ce-type", "CashierCreated", "ce-source",
				"appdomain-api", "ce-id", "e-2", "ce-time", "2024-01-15T10:30:00Z", "content-type", "application/json"));
		assertThat(read.getId()).isEqualTo("e-2");
		assertThat(read.getType()).isEqualTo("CashierCreated");
		assertThat(read.getSource()).isEqualTo(URI.create("appdomain-api"));
		assertThat(read.getDataContentType()).isEqualTo("application/json");
		assertThat(read.getData().toBytes()).isEqualTo(DATA);
	}

	@Test
	void readsHeaderNamesInAnyCase() {
		CloudEvent read = read(raw(TOPIC, "k", DATA, "CE_SpecVersion", "1.0", "Ce-Type", "CashierCreated", "ce_source",
				"appdomain-api", "ce_id", "e-3", "Content-Type", "application/json"));
		assertThat(read.getId()).isEqualTo("e-3");
		assertThat(read.getDataContentType()).isEqualTo("application/json");
	}

	@Test
	void underscoreHeaderWinsOverHyphenatedDuplicate() {
		CloudEvent read = read(raw(TOPIC, "k", DATA, "ce-id", "hyphen", "ce_specversion", "1.0", "ce_type", "T",
				"ce_source", "s", "ce_id", "underscore"));
		assertThat(read.getId()).isEqualTo("underscore");
	}

	@Test
	void readsMomentumDotNetRecords() {
		CloudEvent read = read(CloudEventRecords.dotnet(TOPIC, "k", "e-4", "{}"));
		assertThat(read.getType()).isEqualTo("AppDomain.Cashiers.Contracts.IntegrationEvents.CashierCreated");
		assertThat(read.getTime()).isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:00.1234567+00:00"));
		assertThat(read.getTime().getNano()).isEqualTo(123_456_700);
	}

	@Test
	void nullValueIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(raw(TOPIC, "k", DATA).headers(), null))
			.withMessageContaining("null");
	}

	@Test
	void recordWithoutCloudEventsHeadersIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> read(raw(TOPIC, "k", DATA, "content-type", "application/json")))
			.withMessageContaining("not a CloudEvent");
	}

	@Test
	void binaryRecordWithoutRequiredAttributeIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> read(raw(TOPIC, "k", DATA, "ce_specversion", "1.0", "ce_type", "T", "ce_source", "s")))
			.withMessageContaining("id");
	}

	@Test
	void specVersion03IsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> read(raw(TOPIC, "k", DATA, "ce_specversion", "0.3", "ce_type", "T", "ce_source", "s",
					"ce_id", "1")))
			.withMessageContaining("0.3");
	}

	@Test
	void unknownSpecVersionIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> read(
				raw(TOPIC, "k", DATA, "ce_specversion", "2.0", "ce_type", "T", "ce_source", "s", "ce_id", "1")));
	}

	@Test
	void structuredEnvelopeWithoutTypeIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> read(raw(TOPIC, "k", bytes("{\"specversion\":\"1.0\",\"source\":\"s\",\"id\":\"1\"}"),
					"content-type", "application/cloudevents+json")))
			.withMessageContaining("type");
	}

	@Test
	void garbageInStructuredModeIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(
				() -> read(raw(TOPIC, "k", new byte[] { 0, (byte) 0xff, 42 }, "content-type", "application/cloudevents+json")));
	}

	@Test
	void invalidUtf8InAnAttributeHeaderIsUnreadable() {
		ProducerRecord<byte[], byte[]> record = raw(TOPIC, "k", DATA, "ce_specversion", "1.0", "ce_type", "T",
				"ce_source", "s", "content-type", "application/json");
		record.headers().add("ce_id", new byte[] { 'e', (byte) 0xc3, (byte) 0x28 });
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> read(record))
			.withMessageContaining("'ce_id'")
			.withMessageContaining("UTF-8");
	}

	@Test
	void invalidUtf8InHyphenatedContentTypeIsUnreadable() {
		ProducerRecord<byte[], byte[]> record = raw(TOPIC, "k", DATA);
		record.headers().add("Content-Type", new byte[] { 'a', (byte) 0xff });
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> read(record))
			.withMessageContaining("'content-type'");
	}

	@Test
	void nonAsciiAttributesAndForeignBinaryHeadersAreRead() {
		ProducerRecord<byte[], byte[]> record = raw(TOPIC, "k", DATA, "ce_specversion", "1.0", "ce_type", "T",
				"ce_source", "s", "ce_id", "1", "ce_subject", "tenant/Zürich/東京", "content-type", "application/json");
		record.headers().add("x-binary-trace", new byte[] { (byte) 0xff, (byte) 0xfe, 0 });
		assertThat(read(record).getSubject()).isEqualTo("tenant/Zürich/東京");
	}

	private CloudEvent read(ProducerRecord<byte[], byte[]> record) {
		return this.reader.read(record.headers(), record.value());
	}

}
