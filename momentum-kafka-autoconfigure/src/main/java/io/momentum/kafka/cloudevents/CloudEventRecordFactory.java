package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.message.MessageWriter;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventWriter;
import io.momentum.kafka.partitioning.InvalidPartitionKeyException;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Writes integration events as Kafka records in the CloudEvents 1.0 format of the CloudEvents
 * SDK's Kafka protocol binding: through the binding, except binary-mode records whose extensions
 * are all strings (the usual case), which are written directly with the same headers, in the same
 * order, with the same bytes.
 * <p>
 * Each record gets a fresh UUID {@code id}, the configured {@code source}, the descriptor's
 * {@code type}, {@code time} (the publish instant in UTC, to the millisecond, also used as the
 * record timestamp), {@code datacontenttype application/json}, the descriptor's {@code subject}
 * when it has one, and the {@code partitionkey} extension equal to the record key. The key is the
 * descriptor's partition key, or the event id when the type declares none. In
 * {@link CloudEventMode#BINARY binary} mode the attributes travel as {@code ce_} headers and the
 * value is the data JSON; in {@link CloudEventMode#STRUCTURED structured} mode the value is the
 * JSON envelope. Thread-safe.
 */
public final class CloudEventRecordFactory {

	/** The extension attribute that carries the record key. */
	public static final String PARTITION_KEY_EXTENSION = "partitionkey";

	/** The data content type of every event written. */
	public static final String DATA_CONTENT_TYPE = "application/json";

	private static final Set<String> RESERVED_NAMES = Set.of("specversion", "id", "source", "type",
			"datacontenttype", "dataschema", "subject", "time", "data", PARTITION_KEY_EXTENSION);

	private final CloudEventMode mode;

	private final URI source;

	private final EventDataSerializer dataSerializer;

	private final List<CloudEventRecordCustomizer> customizers;

	private final Clock clock;

	private final EventFormat structuredFormat = new JsonFormat();

	/** The {@code ce_source} header value of every binary-mode record. */
	private final byte[] sourceBytes;

	/**
	 * Create a factory.
	 * @param mode the content mode of the records written
	 * @param source the CloudEvents {@code source} attribute
	 * @param dataSerializer writes each event as JSON
	 * @param customizers applied to every event, in order
	 * @param clock the clock of the {@code time} attribute
	 */
	public CloudEventRecordFactory(CloudEventMode mode, URI source, EventDataSerializer dataSerializer,
			List<CloudEventRecordCustomizer> customizers, Clock clock) {
		Assert.notNull(mode, "'mode' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(dataSerializer, "'dataSerializer' must not be null");
		Assert.notNull(customizers, "'customizers' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.mode = mode;
		this.source = source;
		this.sourceBytes = source.toString().getBytes(StandardCharsets.UTF_8);
		this.dataSerializer = dataSerializer;
		this.customizers = List.copyOf(customizers);
		this.clock = clock;
	}

	/**
	 * Create a factory without customizers, on the system clock.
	 * @param mode the content mode of the records written
	 * @param source the CloudEvents {@code source} attribute
	 * @param dataSerializer writes each event as JSON
	 */
	public CloudEventRecordFactory(CloudEventMode mode, URI source, EventDataSerializer dataSerializer) {
		this(mode, source, dataSerializer, List.of(), Clock.systemUTC());
	}

	/**
	 * The CloudEvents {@code source} of this application: the configured source, else the
	 * application name.
	 * @param configuredSource the value of {@code momentum.kafka.cloudevents.source}, or
	 * {@code null}
	 * @param applicationName the value of {@code spring.application.name}, or {@code null}
	 * @return the source as a URI reference
	 * @throws IllegalStateException when neither is set or the value is not a URI reference
	 */
	public static URI resolveSource(@Nullable String configuredSource, @Nullable String applicationName) {
		String key = StringUtils.hasText(configuredSource) ? "momentum.kafka.cloudevents.source"
				: "spring.application.name";
		String value = StringUtils.hasText(configuredSource) ? configuredSource : applicationName;
		if (!StringUtils.hasText(value)) {
			throw new IllegalStateException("The CloudEvents source of published events is not configured: set "
					+ "momentum.kafka.cloudevents.source or spring.application.name (for example 'appdomain-api')");
		}
		try {
			return new URI(value.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("The CloudEvents source '" + value + "' taken from " + key
					+ " is not a URI reference: " + ex.getReason() + ". Set momentum.kafka.cloudevents.source "
					+ "to a URI reference such as 'appdomain-api' or '/billing/invoices'", ex);
		}
	}

	/**
	 * Check extension attributes given to a publish call, before anything is written.
	 * @param extensions the extension attributes by name
	 * @throws IllegalArgumentException naming the first attribute whose name is not a valid,
	 * unreserved CloudEvents extension name or whose value type CloudEvents cannot carry
	 */
	public static void checkExtensions(Map<String, ?> extensions) {
		Assert.notNull(extensions, "'extensions' must not be null");
		extensions.forEach((name, value) -> {
			checkExtensionName(name);
			Assert.notNull(value, () -> "CloudEvents extension '" + name + "' has a null value");
			if (!(value instanceof String || value instanceof Number || value instanceof Boolean
					|| value instanceof URI || value instanceof OffsetDateTime || value instanceof byte[])) {
				throw new IllegalArgumentException("CloudEvents extension '" + name + "' has a value of type "
						+ value.getClass().getName() + "; use String, Integer, Boolean, URI, OffsetDateTime or byte[]");
			}
		});
	}

	private static void checkExtensionName(String name) {
		if (!StringUtils.hasLength(name) || !name.chars().allMatch(CloudEventRecordFactory::isNameCharacter)) {
			throw new IllegalArgumentException("'" + name + "' is not a valid CloudEvents extension name: "
					+ "use lower-case letters a-z and digits only");
		}
		if (RESERVED_NAMES.contains(name)) {
			throw new IllegalArgumentException("'" + name + "' cannot be set as a CloudEvents extension: "
					+ "the publisher writes it itself");
		}
	}

	private static boolean isNameCharacter(int c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
	}

	/**
	 * The content mode of the records this factory writes.
	 * @return the mode
	 */
	public CloudEventMode getMode() {
		return this.mode;
	}

	/**
	 * The {@code source} attribute this factory writes.
	 * @return the source
	 */
	public URI getSource() {
		return this.source;
	}

	/**
	 * Write one event as a record.
	 * @param descriptor the descriptor of the event's type
	 * @param event the event
	 * @param extensions extra extension attributes, already {@link #checkExtensions(Map) checked}
	 * @return the record with its id and key
	 * @throws InvalidPartitionKeyException when a key component is null or blank
	 * @throws EventDataSerializationException when the event cannot be written as JSON
	 */
	public CloudEventRecord create(EventDescriptor descriptor, Object event, Map<String, ?> extensions) {
		String id = UUID.randomUUID().toString();
		String key = descriptor.partitionKey().extract(event);
		if (key == null) {
			key = id;
		}
		Instant time = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		byte[] data = this.dataSerializer.serialize(event);
		OutgoingEvent cloudEvent = new OutgoingEvent(id, this.source, descriptor.cloudEventType(), time, data);
		cloudEvent.extension(PARTITION_KEY_EXTENSION, key);
		SubjectTemplate subject = descriptor.subject();
		if (subject != null) {
			cloudEvent.subject(subject.render(event));
		}
		if (!extensions.isEmpty()) {
			extensions.forEach(cloudEvent::extension);
		}
		List<Header> headers = null;
		if (!this.customizers.isEmpty()) {
			Outgoing outgoing = new Outgoing(descriptor, event, id, key, cloudEvent);
			for (CloudEventRecordCustomizer customizer : this.customizers) {
				customizer.customize(outgoing);
			}
			headers = outgoing.headers;
		}
		ProducerRecord<String, byte[]> record = (this.mode == CloudEventMode.BINARY)
				? cloudEvent.toBinaryRecord(descriptor.topic(), time.toEpochMilli(), key, this.sourceBytes) : null;
		if (record == null) {
			MessageWriter<CloudEventWriter<ProducerRecord<String, byte[]>>, ProducerRecord<String, byte[]>> writer = KafkaMessageFactory
				.createWriter(descriptor.topic(), null, time.toEpochMilli(), key);
			// A structured record keeps its event, so that its envelope can take the trace context of a send
			// observation's producer span (TraceContextExtension); a binary one has it in its headers.
			record = (this.mode == CloudEventMode.BINARY) ? writer.writeBinary(cloudEvent)
					: new StructuredCloudEventRecord(
							writer.writeStructured(cloudEvent.toSdkEvent(), this.structuredFormat), cloudEvent,
							this.structuredFormat);
		}
		if (headers != null) {
			for (Header header : headers) {
				record.headers().add(header);
			}
		}
		return new CloudEventRecord(id, key, time, record);
	}

	private static final class Outgoing implements OutgoingCloudEvent {

		private final EventDescriptor descriptor;

		private final Object event;

		private final String id;

		private final String key;

		private final OutgoingEvent cloudEvent;

		private @Nullable List<Header> headers;

		Outgoing(EventDescriptor descriptor, Object event, String id, String key, OutgoingEvent cloudEvent) {
			this.descriptor = descriptor;
			this.event = event;
			this.id = id;
			this.key = key;
			this.cloudEvent = cloudEvent;
		}

		@Override
		public EventDescriptor descriptor() {
			return this.descriptor;
		}

		@Override
		public Object event() {
			return this.event;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public String key() {
			return this.key;
		}

		@Override
		public void extension(String name, String value) {
			checkExtensionName(name);
			Assert.notNull(value, () -> "CloudEvents extension '" + name + "' has a null value");
			this.cloudEvent.extension(name, value);
		}

		@Override
		public void header(String name, byte[] value) {
			Assert.hasText(name, "'name' must not be empty");
			if (this.headers == null) {
				this.headers = new ArrayList<>(2);
			}
			this.headers.add(new RecordHeader(name, value));
		}

	}

}
