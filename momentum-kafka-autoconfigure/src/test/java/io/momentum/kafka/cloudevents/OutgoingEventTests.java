package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.types.Time;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's own CloudEvent must put on the wire exactly what the SDK's event would.
 */
class OutgoingEventTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	@Test
	void timeIsWrittenAsTheSdkWritesIt() {
		List<Instant> times = new ArrayList<>(List.of(Instant.parse("2024-01-15T10:30:00Z"),
				Instant.parse("2024-01-15T10:30:00.250Z"), Instant.parse("2024-01-15T10:30:00.001Z"),
				Instant.parse("2024-01-15T10:30:00.100Z"), Instant.parse("2024-01-15T10:30:00.123Z"),
				Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
				Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-30T12:00:00.5Z"), Instant.EPOCH));
		Random random = new Random(42);
		for (int i = 0; i < 10_000; i++) {
			times.add(Instant.ofEpochMilli(random.nextLong() % 300_000_000_000_000L));
		}
		for (Instant time : times) {
			assertThat(OutgoingEvent.formatTime(time)).as("%s", time)
				.isEqualTo(Time.writeTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC)));
		}
	}

	@Test
	void binaryRecordIsTheOneTheSdkWritesForItsOwnEvent() {
		for (OutgoingEvent event : events()) {
			ProducerRecord<String, byte[]> ours = KafkaMessageFactory.createWriter(TOPIC, null, 1L, "key")
				.writeBinary(event);
			ProducerRecord<String, byte[]> sdk = KafkaMessageFactory.createWriter(TOPIC, null, 1L, "key")
				.writeBinary(event.toSdkEvent());
			assertThat(ours.value()).isEqualTo(sdk.value());
			assertThat(headers(ours)).isEqualTo(headers(sdk));
		}
	}

	@Test
	void binaryRecordWrittenWithoutTheWriterIsTheOneTheSdkWritesForItsOwnEvent() {
		byte[] sourceBytes = null;
		int written = 0;
		for (OutgoingEvent event : events()) {
			sourceBytes = event.getSource().toString().getBytes(StandardCharsets.UTF_8);
			ProducerRecord<String, byte[]> ours = event.toBinaryRecord(TOPIC, 1L, "key", sourceBytes);
			boolean onlyStrings = event.getExtensionNames().stream().allMatch((name) -> event.getExtension(name) instanceof String);
			if (!onlyStrings) {
				assertThat(ours).as("an event with extensions of other types is left to the SDK writer").isNull();
				continue;
			}
			ProducerRecord<String, byte[]> sdk = KafkaMessageFactory.createWriter(TOPIC, null, 1L, "key")
				.writeBinary(event.toSdkEvent());
			assertThat(ours).isNotNull();
			assertThat(ours.topic()).isEqualTo(sdk.topic());
			assertThat(ours.partition()).isEqualTo(sdk.partition());
			assertThat(ours.timestamp()).isEqualTo(sdk.timestamp());
			assertThat(ours.key()).isEqualTo(sdk.key());
			assertThat(ours.value()).isEqualTo(sdk.value());
			assertThat(headers(ours)).isEqualTo(headers(sdk));
			written++;
		}
		assertThat(written).as("events with string extensions only").isEqualTo(2);
	}

	@Test
	void singleExtensionCanBeReplacedRemovedAndJoinedByOthersAsInAMap() {
		byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
		OutgoingEvent event = new OutgoingEvent("e-4", URI.create("appdomain-api"), "CashierCreated",
				Instant.parse("2024-01-15T10:30:00Z"), data);
		event.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		event.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
		assertThat(event.getExtensionNames()).containsExactly("traceparent");
		assertThat(event.getExtension("traceparent")).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01");
		event.removeExtension("tracestate");
		event.removeExtension("traceparent");
		assertThat(event.getExtensionNames()).isEmpty();
		event.extension("partitionkey", "123");
		event.extension("tracestate", "congo=t61rcWkgMzE");
		event.removeExtension("partitionkey");
		assertThat(event.getExtensionNames()).containsExactly("tracestate");
		ProducerRecord<String, byte[]> sdk = KafkaMessageFactory.createWriter(TOPIC, null, 1L, "key")
			.writeBinary(event.toSdkEvent());
		assertThat(headers(event.toBinaryRecord(TOPIC, 1L, "key", "appdomain-api".getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(headers(sdk))
			.contains("ce_tracestate=" + Arrays.toString("congo=t61rcWkgMzE".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void gettersAnswerAsTheSdkEventDoes() {
		for (OutgoingEvent event : events()) {
			assertThat(event.getExtensionNames()).isEqualTo(event.toSdkEvent().getExtensionNames());
			for (String name : event.getExtensionNames()) {
				assertThat(event.getExtension(name)).as(name).isEqualTo(event.toSdkEvent().getExtension(name));
			}
			assertThat(event.getData().toBytes()).isEqualTo(event.toSdkEvent().getData().toBytes());
			for (String name : List.of("id", "source", "type", "datacontenttype", "dataschema", "subject", "time",
					"specversion")) {
				assertThat(event.getAttribute(name)).as(name).isEqualTo(event.toSdkEvent().getAttribute(name));
			}
		}
	}

	private static List<OutgoingEvent> events() {
		List<OutgoingEvent> events = new ArrayList<>();
		byte[] data = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		OutgoingEvent plain = new OutgoingEvent("e-1", URI.create("appdomain-api"), "CashierCreated",
				Instant.parse("2024-01-15T10:30:00.250Z"), data);
		plain.extension("partitionkey", "123");
		events.add(plain);
		OutgoingEvent full = new OutgoingEvent("e-2", URI.create("/billing/invoices"), "InvoiceUpdated",
				Instant.parse("2024-01-15T10:30:00Z"), data);
		full.subject("tenant/123");
		full.extension("partitionkey", "123|456");
		full.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		full.extension("count", 3);
		full.extension("flag", true);
		full.extension("link", URI.create("https://example.com/x"));
		full.extension("when", OffsetDateTime.parse("2024-01-15T10:30:00.5+02:00"));
		full.extension("blob", new byte[] { 1, 2, 3 });
		events.add(full);
		OutgoingEvent strings = new OutgoingEvent("e-3", URI.create("urn:example:billing"), "Billing.InvoicePaid.V2",
				Instant.parse("2024-02-29T23:59:59.999Z"), data);
		strings.subject("tenant/ünïcödé");
		strings.extension("partitionkey", "ключ|456");
		strings.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		strings.extension("tracestate", "congo=t61rcWkgMzE");
		strings.extension("a1", "");
		events.add(strings);
		return events;
	}

	private static List<String> headers(ProducerRecord<String, byte[]> record) {
		List<String> headers = new ArrayList<>();
		for (Header header : record.headers()) {
			headers.add(header.key() + "=" + Arrays.toString(header.value()));
		}
		return headers;
	}

}
