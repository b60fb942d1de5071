package io.momentum.kafka.cloudevents;

import java.net.URI;
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
import org.jspecify.annotations.Nullable;

/**
 * The CloudEvent of one published event, handed to the SDK's Kafka message writer. It reads itself into the
 * writer as the SDK's own {@code CloudEventV1} does (same attributes, same order, extensions in a
 * {@link HashMap}), except that {@code time} is handed over already formatted, as the SDK would format it, without
 * a {@code DateTimeFormatter}; and nothing is copied into a builder first.
 */
final class OutgoingEvent implements CloudEvent, CloudEventReader, CloudEventContextReader {

	private final String id;

	private final URI source;

	private final String type;

	private final Instant time;

	private final byte[] data;

	private @Nullable String subject;

	private final Map<String, Object> extensions = new HashMap<>();

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
		this.extensions.put(name, value);
	}

	/**
	 * Remove an extension attribute, if present.
	 */
	void removeExtension(String name) {
		this.extensions.remove(name);
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
		for (Map.Entry<String, Object> extension : this.extensions.entrySet()) {
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
		return this.extensions.get(extensionName);
	}

	@Override
	public Set<String> getExtensionNames() {
		return this.extensions.keySet();
	}

}
