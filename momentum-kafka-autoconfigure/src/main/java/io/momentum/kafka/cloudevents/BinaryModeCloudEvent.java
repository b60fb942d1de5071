package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.v1.CloudEventV1;
import org.jspecify.annotations.Nullable;

/**
 * The event {@link BinaryModeCloudEventReader} reads from a record: the attributes a consumer needs for every record
 * ({@code type}, {@code source}, {@code datacontenttype}, the data) are ready, and the others are kept as the
 * validated header bytes until something asks for them. Consuming a record usually reads the type and the data only,
 * so the {@code id} and extension strings, the extension map and the {@code time} objects are then never made.
 * <p>
 * The first call to any other attribute builds, once, the SDK's {@link CloudEventV1} with exactly the values the SDK
 * reader gives it, and answers from it; {@link #hashCode()} and {@link #toString()} are that event's, and it
 * equals another {@code BinaryModeCloudEvent} whose events are equal. Like the SDK's {@code CloudEventV1}, whose
 * {@code equals} requires the same class, it never equals an event of another class, even with the same
 * attributes: compare events read by different readers attribute by attribute. Every value was validated when the record was read: building it cannot fail.
 */
final class BinaryModeCloudEvent implements CloudEvent {

	private final byte[] id;

	private final URI source;

	private final String type;

	private final @Nullable String dataContentType;

	private final @Nullable String subject;

	/** The {@code ce_time} header of a valid, usual shape ({@link Rfc3339Times}), or {@code null}. */
	private final byte @Nullable [] time;

	/**
	 * The extension headers in record order, each as its name ({@code ce_} and the extension name) followed by its
	 * value (valid UTF-8); {@code null} elements after the last, or {@code null} without extensions.
	 */
	private final Object @Nullable [] extensions;

	private final @Nullable CloudEventData data;

	/** The whole event, built on first use; a racing thread may build an equal one, which is harmless. */
	private @Nullable CloudEventV1 event;

	BinaryModeCloudEvent(byte[] id, URI source, String type, @Nullable String dataContentType,
			@Nullable String subject, byte @Nullable [] time, Object @Nullable [] extensions,
			@Nullable CloudEventData data) {
		this.id = id;
		this.source = source;
		this.type = type;
		this.dataContentType = dataContentType;
		this.subject = subject;
		this.time = time;
		this.extensions = extensions;
		this.data = data;
	}

	@Override
	public SpecVersion getSpecVersion() {
		return SpecVersion.V1;
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
	public @Nullable String getDataContentType() {
		return this.dataContentType;
	}

	@Override
	public @Nullable CloudEventData getData() {
		return this.data;
	}

	@Override
	public @Nullable URI getDataSchema() {
		// records with a dataschema are left to the SDK reader
		return null;
	}

	@Override
	public @Nullable String getSubject() {
		return this.subject;
	}

	@Override
	public String getId() {
		return event().getId();
	}

	@Override
	public @Nullable OffsetDateTime getTime() {
		return event().getTime();
	}

	@Override
	public @Nullable Object getAttribute(String attributeName) throws IllegalArgumentException {
		return event().getAttribute(attributeName);
	}

	@Override
	public @Nullable Object getExtension(String extensionName) {
		return event().getExtension(extensionName);
	}

	@Override
	public Set<String> getExtensionNames() {
		return event().getExtensionNames();
	}

	/**
	 * The event as the SDK's {@link CloudEventV1}.
	 * @return the event (threads racing on the first call may each build an equal instance)
	 */
	CloudEventV1 event() {
		CloudEventV1 event = this.event;
		if (event == null) {
			event = new CloudEventV1(new String(this.id, StandardCharsets.UTF_8), this.source, this.type,
					this.dataContentType, null, this.subject, (this.time != null) ? Rfc3339Times.parse(this.time) : null,
					this.data, extensions());
			this.event = event;
		}
		return event;
	}

	private Map<String, Object> extensions() {
		Object[] headers = this.extensions;
		if (headers == null) {
			return Map.of();
		}
		Map<String, Object> extensions = new HashMap<>();
		for (int i = 0; i < headers.length && headers[i] != null; i += 2) {
			extensions.put(((String) headers[i]).substring(BinaryModeCloudEventReader.PREFIX.length()),
					new String((byte[]) headers[i + 1], StandardCharsets.UTF_8));
		}
		return extensions;
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		if (this == obj) {
			return true;
		}
		return (obj instanceof BinaryModeCloudEvent other) && event().equals(other.event());
	}

	@Override
	public int hashCode() {
		return event().hashCode();
	}

	@Override
	public String toString() {
		return event().toString();
	}

}
