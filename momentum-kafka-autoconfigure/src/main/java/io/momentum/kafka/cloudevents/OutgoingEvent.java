package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.rw.CloudEventContextReader;
import io.cloudevents.rw.CloudEventContextWriter;
import io.cloudevents.rw.CloudEventDataMapper;
import io.cloudevents.rw.CloudEventReader;
import io.cloudevents.rw.CloudEventRWException;
import io.cloudevents.rw.CloudEventWriter;
import io.cloudevents.rw.CloudEventWriterFactory;
import io.cloudevents.types.Time;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvent of one published event, handed to the SDK's Kafka message writer. It reads itself into the
 * writer as the SDK's own {@code CloudEventV1} does (same attributes, same order, extensions in a
 * {@link HashMap}), except that {@code time} is handed over already formatted, as the SDK would format it, without
 * a {@code DateTimeFormatter}; and nothing is copied into a builder first.
 */
final class OutgoingEvent implements CloudEvent, CloudEventReader, CloudEventContextReader {

	private static final String EXTENSION_PREFIX = "ce_";

	private static final String SPEC_VERSION_HEADER = "ce_specversion";

	private static final String ID_HEADER = "ce_id";

	private static final String SOURCE_HEADER = "ce_source";

	private static final String TYPE_HEADER = "ce_type";

	private static final String CONTENT_TYPE_HEADER = "content-type";

	private static final String SUBJECT_HEADER = "ce_subject";

	private static final String TIME_HEADER = "ce_time";

	private static final String PARTITION_KEY_HEADER = EXTENSION_PREFIX + CloudEventRecordFactory.PARTITION_KEY_EXTENSION;

	// Header values shared by every record, as Kafka's own code shares them: producers never write into them.
	private static final byte[] SPEC_VERSION_1_0 = utf8("1.0");

	private static final byte[] JSON = utf8(CloudEventRecordFactory.DATA_CONTENT_TYPE);

	private final String id;

	private final URI source;

	private final String type;

	private final Instant time;

	private final byte[] data;

	private @Nullable String subject;

	/** The first extension, usually the only one (the partition key): kept without a map. */
	private @Nullable String firstExtensionName;

	private @Nullable Object firstExtensionValue;

	/** Every extension once there is more than one, in the order the SDK's event keeps them. */
	private @Nullable Map<String, Object> extensions;

	OutgoingEvent(String id, URI source, String type, Instant time, byte[] data) {
		this.id = id;
		this.source = source;
		this.type = type;
		this.time = time;
		this.data = data;
	}

	void subject(String subject) {
		this.subject = subject;
	}

	/**
	 * Add an extension attribute; the name was checked by the caller.
	 */
	void extension(String name, Object value) {
		if (this.extensions == null) {
			if (this.firstExtensionName == null || this.firstExtensionName.equals(name)) {
				this.firstExtensionName = name;
				this.firstExtensionValue = value;
				return;
			}
			this.extensions = new HashMap<>();
			this.extensions.put(this.firstExtensionName, this.firstExtensionValue);
		}
		this.extensions.put(name, value);
	}

	/**
	 * Remove an extension attribute, if present.
	 */
	void removeExtension(String name) {
		if (this.extensions != null) {
			this.extensions.remove(name);
		}
		else if (name.equals(this.firstExtensionName)) {
			this.firstExtensionName = null;
			this.firstExtensionValue = null;
		}
	}

	/**
	 * Every extension, in the order the SDK's event keeps them.
	 */
	private Map<String, Object> extensions() {
		if (this.extensions != null) {
			return this.extensions;
		}
		return (this.firstExtensionName != null && this.firstExtensionValue != null)
				? Map.of(this.firstExtensionName, this.firstExtensionValue) : Map.of();
	}

	/**
	 * The same event as the SDK's own implementation, for the SDK's structured-mode format.
	 */
	CloudEvent toSdkEvent() {
		CloudEventBuilder builder = CloudEventBuilder.v1()
			.withId(this.id)
			.withSource(this.source)
			.withType(this.type)
			.withTime(getTime())
			.withData(CloudEventRecordFactory.DATA_CONTENT_TYPE, this.data);
		if (this.subject != null) {
			builder.withSubject(this.subject);
		}
		// The builder sets an attribute it does not know as an extension.
		writeExtensions(builder);
		return builder.build();
	}

	@Override
	public <W extends CloudEventWriter<R>, R> R read(CloudEventWriterFactory<W, R> writerFactory,
			CloudEventDataMapper<? extends CloudEventData> mapper) throws CloudEventRWException {
		W writer = writerFactory.create(SpecVersion.V1);
		readContext(writer);
		return writer.end(mapper.map(BytesCloudEventData.wrap(this.data)));
	}

	@Override
	public void readContext(CloudEventContextWriter writer) throws CloudEventRWException {
		writer.withContextAttribute("id", this.id);
		writer.withContextAttribute("source", this.source);
		writer.withContextAttribute("type", this.type);
		writer.withContextAttribute("datacontenttype", CloudEventRecordFactory.DATA_CONTENT_TYPE);
		if (this.subject != null) {
			writer.withContextAttribute("subject", this.subject);
		}
		writer.withContextAttribute("time", formatTime(this.time));
		writeExtensions(writer);
	}

	private void writeExtensions(CloudEventContextWriter writer) {
		for (Map.Entry<String, Object> extension : extensions().entrySet()) {
			String name = extension.getKey();
			Object value = extension.getValue();
			if (value instanceof String string) {
				writer.withContextAttribute(name, string);
			}
			else if (value instanceof Number number) {
				writer.withContextAttribute(name, number);
			}
			else if (value instanceof Boolean bool) {
				writer.withContextAttribute(name, bool);
			}
			else if (value instanceof URI uri) {
				writer.withContextAttribute(name, uri);
			}
			else if (value instanceof OffsetDateTime dateTime) {
				writer.withContextAttribute(name, dateTime);
			}
			else {
				writer.withContextAttribute(name, (byte[]) value);
			}
		}
	}

	/**
	 * The binary-mode record the SDK's Kafka writer writes for this event ({@code writeBinary}), written without the
	 * writer: the same headers in the same order with the same values, the same key, timestamp and value. Only for
	 * events whose extensions are all strings (every event the publisher writes unless the caller passes other
	 * extension types); the SDK's conversions of other types are left to the SDK.
	 * @param topic the topic
	 * @param timestamp the record timestamp
	 * @param key the record key
	 * @param sourceBytes the UTF-8 bytes of the source, which the caller keeps (the source of a publisher never
	 * changes)
	 * @return the record, or {@code null} when an extension is not a string
	 */
	@Nullable ProducerRecord<String, byte[]> toBinaryRecord(String topic, long timestamp, String key,
			byte[] sourceBytes) {
		Map<String, Object> extensions = extensions();
		for (Object value : extensions.values()) {
			if (!(value instanceof String)) {
				return null;
			}
		}
		RecordHeaders headers = new RecordHeaders();
		headers.add(SPEC_VERSION_HEADER, SPEC_VERSION_1_0);
		headers.add(ID_HEADER, utf8(this.id));
		headers.add(SOURCE_HEADER, sourceBytes);
		headers.add(TYPE_HEADER, utf8(this.type));
		headers.add(CONTENT_TYPE_HEADER, JSON);
		if (this.subject != null) {
			headers.add(SUBJECT_HEADER, utf8(this.subject));
		}
		headers.add(TIME_HEADER, utf8(formatTime(this.time)));
		for (Map.Entry<String, Object> extension : extensions.entrySet()) {
			headers.add(extensionHeader(extension.getKey()), utf8((String) extension.getValue()));
		}
		return new ProducerRecord<>(topic, null, timestamp, key, this.data, headers);
	}

	private static String extensionHeader(String name) {
		return name.equals(CloudEventRecordFactory.PARTITION_KEY_EXTENSION) ? PARTITION_KEY_HEADER
				: EXTENSION_PREFIX + name;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The text {@link Time#writeTime(OffsetDateTime)} gives for a UTC instant: {@code yyyy-MM-ddTHH:mm:ss}, then
	 * the fraction without trailing zeros (none for a whole second), then {@code Z}.
	 */
	static String formatTime(Instant time) {
		OffsetDateTime dateTime = OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
		int year = dateTime.getYear();
		if (year < 0 || year > 9999) {
			return Time.writeTime(dateTime);
		}
		char[] text = new char[30];
		digits(text, 0, year, 4);
		text[4] = '-';
		digits(text, 5, dateTime.getMonthValue(), 2);
		text[7] = '-';
		digits(text, 8, dateTime.getDayOfMonth(), 2);
		text[10] = 'T';
		digits(text, 11, dateTime.getHour(), 2);
		text[13] = ':';
		digits(text, 14, dateTime.getMinute(), 2);
		text[16] = ':';
		digits(text, 17, dateTime.getSecond(), 2);
		int length = 19;
		int nanos = dateTime.getNano();
		if (nanos != 0) {
			text[length++] = '.';
			digits(text, length, nanos, 9);
			length += 9;
			while (text[length - 1] == '0') {
				length--;
			}
		}
		text[length++] = 'Z';
		return new String(text, 0, length);
	}

	private static void digits(char[] text, int offset, int value, int count) {
		for (int i = offset + count - 1; i >= offset; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

	@Override
	public CloudEventData getData() {
		return BytesCloudEventData.wrap(this.data);
	}

	@Override
	public SpecVersion getSpecVersion() {
		return SpecVersion.V1;
	}

	@Override
	public String getId() {
		return this.id;
	}

	@Override
	public String getType() {
		return this.type;
	}

	@Override
	public URI getSource() {
		return this.source;
	}

	@Override
	public String getDataContentType() {
		return CloudEventRecordFactory.DATA_CONTENT_TYPE;
	}

	@Override
	public @Nullable URI getDataSchema() {
		return null;
	}

	@Override
	public @Nullable String getSubject() {
		return this.subject;
	}

	@Override
	public OffsetDateTime getTime() {
		return OffsetDateTime.ofInstant(this.time, ZoneOffset.UTC);
	}

	@Override
	public @Nullable Object getAttribute(String attributeName) throws IllegalArgumentException {
		return switch (attributeName) {
			case "specversion" -> SpecVersion.V1;
			case "id" -> this.id;
			case "source" -> this.source;
			case "type" -> this.type;
			case "datacontenttype" -> CloudEventRecordFactory.DATA_CONTENT_TYPE;
			case "dataschema" -> null;
			case "subject" -> this.subject;
			case "time" -> getTime();
			default -> throw new IllegalArgumentException("'" + attributeName + "' is not a CloudEvents 1.0 attribute");
		};
	}

	@Override
	public @Nullable Object getExtension(String extensionName) {
		return extensions().get(extensionName);
	}

	@Override
	public Set<String> getExtensionNames() {
		return extensions().keySet();
	}

}
