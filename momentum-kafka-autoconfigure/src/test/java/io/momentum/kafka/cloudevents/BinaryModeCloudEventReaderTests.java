package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.validator.CloudEventValidator;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fast path must accept exactly what the SDK reader accepts: every record is read by both, and both must
 * return equal events or fail with the same message.
 */
class BinaryModeCloudEventReaderTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private static final byte[] DATA = bytes("{\"tenantId\":\"123e4567-e89b-12d3-a456-426614174000\"}");

	private final SdkCloudEventReader sdk = new SdkCloudEventReader();

	private final AtomicInteger fallbacks = new AtomicInteger();

	private final BinaryModeCloudEventReader reader = new BinaryModeCloudEventReader((headers, value) -> {
		this.fallbacks.incrementAndGet();
		return this.sdk.read(headers, value);
	});

	@Test
	void readsSdkWrittenBinaryRecordsOnTheFastPathAsTheSdkDoes() {
		for (CloudEvent event : sdkEvents()) {
			ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(TOPIC, null, null, "key")
				.writeBinary(event);
			CloudEvent read = sameAsSdk(record.headers(), record.value());
			if (event.getData() != null) {
				assertThat(read).as("%s", event).isNotNull();
				assertThat(read.getId()).isEqualTo(event.getId());
				assertThat(read.getTime()).isEqualTo(event.getTime());
			}
		}
		// events without data are written as tombstones (null value), which both refuse; a dataschema is left to
		// the SDK reader
		assertThat(this.fallbacks).as("records read by the SDK reader")
			.hasValue((int) sdkEvents().stream()
				.filter((event) -> event.getData() == null || event.getDataSchema() != null)
				.count());
	}

	@Test
	void readsSdkWrittenStructuredRecordsThroughTheSdk() {
		List<CloudEvent> events = sdkEvents();
		for (CloudEvent event : events) {
			ProducerRecord<String, byte[]> record = KafkaMessageFactory.createWriter(TOPIC, null, null, "key")
				.writeStructured(event, new JsonFormat());
			sameAsSdk(record.headers(), record.value());
		}
		assertThat(this.fallbacks).hasValue(events.size());
	}

	@Test
	void readsWhatTheSdkReadsAndRefusesWhatItRefuses() {
		List<Consumer<Headers>> changes = List.of((headers) -> {
		}, (headers) -> rename(headers, "ce_id", "ce-id"), (headers) -> rename(headers, "ce_type", "CE_TYPE"),
				(headers) -> rename(headers, "content-type", "Content-Type"),
				(headers) -> rename(headers, "ce_specversion", "ce-specversion"),
				(headers) -> headers.remove("ce_specversion"), (headers) -> set(headers, "ce_specversion", "0.3"),
				(headers) -> set(headers, "ce_specversion", "1.1"), (headers) -> set(headers, "ce_specversion", " 1.0"),
				(headers) -> headers.remove("ce_id"), (headers) -> headers.remove("ce_source"),
				(headers) -> headers.remove("ce_type"), (headers) -> set(headers, "ce_source", "::not a uri"),
				(headers) -> set(headers, "ce_source", "https://example.com/a b"),
				(headers) -> set(headers, "ce_source", "/billing/invoices"),
				(headers) -> set(headers, "ce_dataschema", "not a uri\\"),
				(headers) -> set(headers, "ce_dataschema", "https://example.com/schema"),
				(headers) -> set(headers, "ce_time", "yesterday"),
				(headers) -> set(headers, "ce_time", "2024-02-30T10:00:00Z"),
				(headers) -> set(headers, "ce_time", "2024-02-29T10:00:00Z"),
				(headers) -> set(headers, "ce_time", "2023-02-29T10:00:00Z"),
				(headers) -> set(headers, "ce_time", "2024-01-15t10:30:00z"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00.Z"),
				(headers) -> set(headers, "ce_time", "2024-01-15T24:00:00Z"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:60Z"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00.1234567+00:00"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00+18:00"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00+19:00"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00+05:60"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00+01:00:30"),
				(headers) -> set(headers, "ce_time", "2024-01-15T10:30:00"),
				(headers) -> set(headers, "ce_time", "+12024-01-15T10:30:00Z"),
				(headers) -> set(headers, "ce_time", ""), (headers) -> set(headers, "ce_id", ""),
				(headers) -> set(headers, "ce_my-ext", "x"), (headers) -> set(headers, "ce_myext", "x"),
				(headers) -> set(headers, "ce_éxt", "x"), (headers) -> set(headers, "ce_", "x"),
				(headers) -> headers.add("ce_id", bytes("second-id")),
				(headers) -> headers.add("ce_time", bytes("not a time")),
				(headers) -> headers.add(new RecordHeader("ce_subject", null)),
				(headers) -> headers.add(new RecordHeader("content-type", null)),
				(headers) -> headers.add(new RecordHeader("traceparent", null)),
				(headers) -> set(headers, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
				(headers) -> set(headers, "content-type", "application/cloudevents+json"),
				(headers) -> set(headers, "content-type", "application/cloudevents+xml"),
				(headers) -> set(headers, "content-type", "application/cloudevents-batch+json"),
				(headers) -> set(headers, "content-type", "text/plain; charset=utf-8"),
				(headers) -> headers.remove("content-type"),
				(headers) -> headers.add("ce_type", bytes("OtherType")),
				(headers) -> headers.add("ce_source", bytes("other-source")),
				(headers) -> headers.add("ce_subject", bytes("tenant/456")),
				(headers) -> headers.add("ce_specversion", bytes("1.0")),
				(headers) -> headers.add("ce_partitionkey", bytes("456")),
				(headers) -> headers.add("content-type", bytes("application/json")),
				(headers) -> set(headers, "ce_type", ""), (headers) -> set(headers, "ce_source", ""),
				(headers) -> set(headers, "ce_subject", ""), (headers) -> set(headers, "ce_partitionkey", ""),
				(headers) -> set(headers, "content-type", ""),
				(headers) -> set(headers, "ce_datacontenttype", "application/json"),
				(headers) -> set(headers, "ce_data", "{}"), (headers) -> set(headers, "ce_data_base64", "e30="),
				(headers) -> set(headers, "ce_abcdefghijklmnopqrstuvwxyz0123456789", "long name"),
				(headers) -> set(headers, "ce_ext2", "digits"), (headers) -> set(headers, "ce_Ext", "upper"),
				(headers) -> set(headers, "ce_type", "Ünïcödé.Type"),
				(headers) -> set(headers, "ce_source", "urn:uuid:123e4567-e89b-12d3-a456-426614174000"));
		int fastPath = 0;
		for (Consumer<Headers> change : changes) {
			for (byte[] value : new byte[][] { DATA, new byte[0] }) {
				Headers headers = binaryHeaders();
				change.accept(headers);
				int before = this.fallbacks.get();
				sameAsSdk(headers, value);
				fastPath += (this.fallbacks.get() == before) ? 1 : 0;
			}
		}
		assertThat(fastPath).as("records read on the fast path").isGreaterThan(10);
	}

	@Test
	void attributeHeadersThatAreNotUtf8AreUnreadableAsForTheSdkReader() {
		for (String name : List.of("ce_type", "ce_id", "ce_subject", "ce_partitionkey", "content-type")) {
			Headers headers = binaryHeaders();
			headers.remove(name);
			headers.add(name, new byte[] { 'C', (byte) 0xC3, (byte) 0x28, 'x' });
			assertThat(sameAsSdk(headers, DATA)).as(name).isNull();
		}
	}

	@Test
	void eventsReadOnTheFastPathAreValuesAndRefuseUnknownAttributesAsTheSdkEventDoes() {
		CloudEvent first = this.reader.read(binaryHeaders(), DATA);
		CloudEvent second = this.reader.read(binaryHeaders(), DATA);
		CloudEvent sdkEvent = this.sdk.read(binaryHeaders(), DATA);
		assertThat(first).isInstanceOf(BinaryModeCloudEvent.class).isEqualTo(second).hasSameHashCodeAs(second);
		assertThat(first.hashCode()).isEqualTo(sdkEvent.hashCode());
		assertThat(first).isNotEqualTo(this.reader.read(binaryHeaders(), bytes("{}")));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> first.getAttribute("unknown"))
			.withMessage(catchIllegalArgument(() -> sdkEvent.getAttribute("unknown")).getMessage());
	}

	private static IllegalArgumentException catchIllegalArgument(Runnable action) {
		try {
			action.run();
		}
		catch (IllegalArgumentException ex) {
			return ex;
		}
		throw new AssertionError("no IllegalArgumentException");
	}

	@Test
	void whenACloudEventValidatorIsRegisteredEveryRecordGoesToTheSdkReader(@TempDir Path classes) throws Exception {
		Path services = Files.createDirectories(classes.resolve("META-INF/services"));
		Files.writeString(services.resolve(CloudEventValidator.class.getName()), RefusingValidator.class.getName());
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		try (URLClassLoader withValidator = new URLClassLoader(new URL[] { classes.toUri().toURL() }, original)) {
			thread.setContextClassLoader(withValidator);
			BinaryModeCloudEventReader reader = new BinaryModeCloudEventReader((headers, value) -> {
				this.fallbacks.incrementAndGet();
				return this.sdk.read(headers, value);
			});
			reader.read(binaryHeaders(), DATA);
		}
		finally {
			thread.setContextClassLoader(original);
		}
		assertThat(this.fallbacks).as("records read by the SDK reader").hasValue(1);
		this.reader.read(binaryHeaders(), DATA);
		assertThat(this.fallbacks).as("without a validator, the fast path").hasValue(1);
	}

	/**
	 * A validator an application could register; the SDK's builder would run it.
	 */
	public static class RefusingValidator implements CloudEventValidator {

		@Override
		public void validate(CloudEvent event) {
			throw new IllegalStateException("refused by the application's validator");
		}

	}

	@Test
	void nullValueIsUnreadableAsForTheSdk() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(binaryHeaders(), null))
			.withMessageContaining("tombstone");
	}

	@Test
	void timesOfTheUsualShapeParseAsOffsetDateTimeDoes() {
		List<String> times = List.of("2024-01-15T10:30:00Z", "2024-01-15T10:30:00.25Z", "2024-01-15T10:30:00.123456789Z",
				"2024-01-15T10:30:00.1234567+00:00", "2024-01-15T10:30:00-00:00", "2024-01-15T10:30:00+05:30",
				"2024-01-15T10:30:00-18:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
				"2024-02-29T00:00:00Z");
		for (String time : times) {
			assertThat(Rfc3339Times.parse(time)).as(time).isEqualTo(OffsetDateTime.parse(time));
			assertThat(Rfc3339Times.isValid(time.getBytes(StandardCharsets.UTF_8))).as(time).isTrue();
		}
	}

	@Test
	void timesOfOtherShapesAreLeftToOffsetDateTime() {
		List<String> times = List.of("2024-01-15t10:30:00Z", "2024-01-15T10:30:00z", "2024-01-15T10:30:00.Z",
				"2024-01-15T10:30:00.1234567890Z", "2024-01-15T10:30:00+01:00:30", "2024-01-15T10:30:00+0100",
				"2024-01-15T10:30Z", "2024-02-30T10:00:00Z", "2024-01-15T24:00:00Z", "2024-01-15T10:30:60Z",
				"2024-01-15T10:30:00+19:00", "2024-01-15T10:30:00+05:60", "+2024-01-15T10:30:00Z", "2024-1-15T10:30:00Z",
				"2024-01-15T10:30:00", "２０２４-01-15T10:30:00Z");
		for (String time : times) {
			assertThat(Rfc3339Times.parse(time)).as(time).isNull();
			assertThat(Rfc3339Times.isValid(time.getBytes(StandardCharsets.UTF_8))).as(time).isFalse();
		}
	}

	/**
	 * Read a record with both readers: equal events, or the same failure.
	 */
	private @Nullable CloudEvent sameAsSdk(Headers headers, byte[] value) {
		CloudEvent expected;
		try {
			expected = this.sdk.read(copy(headers), value);
		}
		catch (UnreadableEventException ex) {
			assertThatExceptionOfType(UnreadableEventException.class).as("%s", headers)
				.isThrownBy(() -> this.reader.read(copy(headers), value))
				.withMessage(ex.getMessage());
			return null;
		}
		CloudEvent actual = this.reader.read(copy(headers), value);
		assertSameEvent(actual, expected, headers);
		return actual;
	}

	/**
	 * Every attribute, extension and the data through the {@link CloudEvent} interface, then the whole event as the
	 * SDK compares events.
	 */
	private static void assertSameEvent(CloudEvent actual, CloudEvent expected, Headers headers) {
		assertThat(actual.getSpecVersion()).as("%s", headers).isEqualTo(expected.getSpecVersion());
		assertThat(actual.getType()).as("%s", headers).isEqualTo(expected.getType());
		assertThat(actual.getSource()).as("%s", headers).isEqualTo(expected.getSource());
		assertThat(actual.getDataContentType()).as("%s", headers).isEqualTo(expected.getDataContentType());
		assertThat(actual.getDataSchema()).as("%s", headers).isEqualTo(expected.getDataSchema());
		assertThat(actual.getSubject()).as("%s", headers).isEqualTo(expected.getSubject());
		assertThat(actual.getData()).as("%s", headers).isEqualTo(expected.getData());
		assertThat(actual.getId()).as("%s", headers).isEqualTo(expected.getId());
		assertThat(actual.getTime()).as("%s", headers).isEqualTo(expected.getTime());
		assertThat(actual.getAttributeNames()).as("%s", headers).isEqualTo(expected.getAttributeNames());
		for (String name : expected.getAttributeNames()) {
			assertThat(actual.getAttribute(name)).as("%s in %s", name, headers).isEqualTo(expected.getAttribute(name));
		}
		assertThat(actual.getExtensionNames()).as("%s", headers).isEqualTo(expected.getExtensionNames());
		for (String name : expected.getExtensionNames()) {
			assertThat(actual.getExtension(name)).as("%s in %s", name, headers).isEqualTo(expected.getExtension(name));
		}
		CloudEvent whole = (actual instanceof BinaryModeCloudEvent lazy) ? lazy.event() : actual;
		assertThat(whole).as("%s", headers).isEqualTo(expected);
		assertThat(actual).as("%s", headers).hasToString(expected.toString());
	}

	private static List<CloudEvent> sdkEvents() {
		List<CloudEvent> events = new ArrayList<>();
		for (String time : List.of("2024-01-15T10:30:00Z", "2024-01-15T10:30:00.25Z", "2024-01-15T10:30:00.1234567+01:00",
				"2024-01-15T10:30:00.123456789-05:30")) {
			CloudEventBuilder builder = CloudEventBuilder.v1()
				.withId("e-" + events.size())
				.withSource(URI.create("appdomain-api"))
				.withType("CashierCreated")
				.withTime(OffsetDateTime.parse(time))
				.withData("application/json", DATA);
			events.add(builder.build());
			events.add(builder.withSubject("tenant/123").withExtension("partitionkey", "123").build());
			events.add(builder.withExtension("count", 3)
				.withExtension("flag", true)
				.withDataSchema(URI.create("https://example.com/schema"))
				.build());
			events.add(builder.withoutData().withoutDataContentType().build());
		}
		events.add(CloudEventBuilder.v1()
			.withId("dotnet")
			.withSource(URI.create("/billing"))
			.withType("AppDomain.Cashiers.Contracts.IntegrationEvents.CashierCreated")
			.withData("application/json; charset=utf-8", DATA)
			.build());
		return events;
	}

	private static Headers binaryHeaders() {
		CloudEvent event = CloudEventBuilder.v1()
			.withId("e-1")
			.withSource(URI.create("appdomain-api"))
			.withType("CashierCreated")
			.withTime(OffsetDateTime.parse("2024-01-15T10:30:00.25Z"))
			.withSubject("tenant/123")
			.withExtension("partitionkey", "123")
			.withData("application/json", DATA)
			.build();
		return KafkaMessageFactory.createWriter(TOPIC, null, null, "key").writeBinary(event).headers();
	}

	private static void set(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, bytes(value));
	}

	private static void rename(Headers headers, String from, String to) {
		Header header = headers.lastHeader(from);
		headers.remove(from);
		headers.add(to, header.value());
	}

	private static Headers copy(Headers headers) {
		return new RecordHeaders(headers.toArray());
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
