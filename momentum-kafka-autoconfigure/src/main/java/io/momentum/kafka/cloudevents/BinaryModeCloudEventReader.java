package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ServiceLoader;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.core.v1.CloudEventV1;
import io.cloudevents.core.validator.CloudEventValidator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A {@link CloudEventReader} with a fast path for the records Momentum publishers write: binary content mode with
 * canonical {@code ce_} header names and CloudEvents 1.0. Every other record (structured mode, {@code ce-} or
 * upper-case header names, another specversion, a header without a value) and every record the fast path cannot
 * read goes to the {@link SdkCloudEventReader}, so this reader accepts exactly what the SDK reader accepts and
 * fails with the same messages.
 * <p>
 * The fast path checks the header bytes as the SDK reads them and gives a {@link BinaryModeCloudEvent}: type, source,
 * content type and data at once, every other attribute from the SDK's own {@link CloudEventV1}, built with the values
 * the SDK's Kafka binary-mode reader gives it when first asked for (most consumers never ask). It reads without
 * copying and renaming the headers, without the builder, and with shortcuts that give the same values — the
 * {@code source} URI, {@code type} and {@code content-type} of recent records are reused
 * ({@link RecentHeaderValues}), and a {@code time} of the usual RFC 3339 shape is checked and parsed without a
 * {@code DateTimeFormatter}. It takes only the records whose every attribute header appears once, with a non-empty
 * value where the attribute is required, and has no reserved name ({@code dataschema}, {@code datacontenttype},
 * {@code data}, {@code data_base64}): the SDK decides about all others. When the application registers a
 * {@link CloudEventValidator} (which the SDK's builder runs), every record goes to the SDK reader. The CloudEvents
 * SDK's read path costs more CPU per record than reading the data itself; see the benchmarks page.
 * <p>
 * The fast path's events are {@link BinaryModeCloudEvent}s: equal to each other when their attributes are, but,
 * as the SDK's own events, never equal to an event of another class.
 */
public class BinaryModeCloudEventReader implements CloudEventReader {

	static final String PREFIX = "ce_";

	private static final String CONTENT_TYPE = "content-type";

	private static final String SPEC_VERSION = "ce_specversion";

	private static final String ID = "ce_id";

	private static final String TYPE = "ce_type";

	private static final String SOURCE = "ce_source";

	private static final String TIME = "ce_time";

	private static final String SUBJECT = "ce_subject";

	private static final String DATA_SCHEMA = "ce_dataschema";

	private static final String DATA_CONTENT_TYPE = "ce_datacontenttype";

	private static final String DATA = "ce_data";

	private static final String PARTITION_KEY = PREFIX + CloudEventRecordFactory.PARTITION_KEY_EXTENSION;

	private static final byte[] SPEC_VERSION_1 = "1.0".getBytes(StandardCharsets.UTF_8);

	private final CloudEventReader fallback;

	/**
	 * Whether the fast path is used: not when a {@link CloudEventValidator} is registered (through
	 * {@link ServiceLoader}), because the SDK's builder runs those on every event it builds and the fast path does
	 * not use the builder.
	 */
	private final boolean fastPath;

	/** Valid {@code ce_source} values seen recently, parsed; invalid ones are never kept. */
	private final RecentHeaderValues<URI> sources = new RecentHeaderValues<>(BinaryModeCloudEventReader::uri);

	/** {@code ce_type} values seen recently, so that each is decoded, and its hash for dispatch computed, once. */
	private final RecentHeaderValues<String> types = new RecentHeaderValues<>((text) -> text);

	/** {@code content-type} values seen recently that the SDK reads in binary mode. */
	private final RecentHeaderValues<String> contentTypes = new RecentHeaderValues<>(
			BinaryModeCloudEventReader::binaryContentType);

	/**
	 * Create a reader that falls back to the {@link SdkCloudEventReader}.
	 */
	public BinaryModeCloudEventReader() {
		this(new SdkCloudEventReader());
	}

	/**
	 * Create a reader.
	 * @param fallback reads every record the fast path does not; it decides what is accepted
	 */
	public BinaryModeCloudEventReader(CloudEventReader fallback) {
		this(fallback, ServiceLoader.load(CloudEventValidator.class).iterator().hasNext());
	}

	BinaryModeCloudEventReader(CloudEventReader fallback, boolean validatorsRegistered) {
		Assert.notNull(fallback, "'fallback' must not be null");
		this.fallback = fallback;
		this.fastPath = !validatorsRegistered;
	}

	@Override
	public CloudEvent read(Headers headers, byte @Nullable [] value) {
		CloudEvent event = (value != null && this.fastPath) ? readBinary(headers, value) : null;
		return (event != null) ? event : this.fallback.read(headers, value);
	}

	/**
	 * The event of a canonical binary-mode record, or {@code null} when the record is of another kind, or of a form
	 * this path leaves to the SDK, or when the SDK would reject it (the fallback then reads it and reports why).
	 */
	private @Nullable CloudEvent readBinary(Headers headers, byte[] value) {
		byte @Nullable [] id = null;
		String type = null;
		URI source = null;
		String contentType = null;
		byte @Nullable [] time = null;
		String subject = null;
		boolean specVersion = false;
		boolean hasContentType = false;
		// header name and value of each extension, one after the other
		Object @Nullable [] extensions = null;
		int extensionCount = 0;
		for (Header header : headers) {
			String key = header.key();
			byte[] text = header.value();
			if (text == null) {
				return null;
			}
			switch (attribute(key)) {
				case SPEC_VERSION -> {
					if (specVersion || !Arrays.equals(text, SPEC_VERSION_1)) {
						return null;
					}
					specVersion = true;
				}
				case ID -> {
					if (id != null || text.length == 0 || !SdkCloudEventReader.isUtf8(text)) {
						return null;
					}
					id = text;
				}
				case TYPE -> {
					if (type != null || text.length == 0) {
						return null;
					}
					type = this.types.get(text);
					if (type == null) {
						return null;
					}
				}
				case SOURCE -> {
					if (source != null || text.length == 0) {
						return null;
					}
					source = this.sources.get(text);
					if (source == null) {
						return null;
					}
				}
				case TIME -> {
					// the usual shape is ASCII: valid UTF-8
					if (time != null || !Rfc3339Times.isValid(text)) {
						return null;
					}
					time = text;
				}
				case SUBJECT -> {
					if (subject != null || !SdkCloudEventReader.isUtf8(text)) {
						return null;
					}
					subject = new String(text, StandardCharsets.UTF_8);
				}
				case CONTENT_TYPE -> {
					if (hasContentType) {
						return null;
					}
					hasContentType = true;
					contentType = this.contentTypes.get(text);
					if (contentType == null) {
						return null;
					}
				}
				case EXTENSION -> {
					if (!SdkCloudEventReader.isUtf8(text)) {
						return null;
					}
					if (extensions == null) {
						extensions = new Object[2];
					}
					else if (extensionCount * 2 == extensions.length) {
						extensions = Arrays.copyOf(extensions, extensions.length * 2);
					}
					for (int i = 0; i < extensionCount * 2; i += 2) {
						if (key.equals(extensions[i])) {
							return null;
						}
					}
					extensions[extensionCount * 2] = key;
					extensions[extensionCount * 2 + 1] = text;
					extensionCount++;
				}
				case OTHER -> {
				}
				default -> {
					return null;
				}
			}
		}
		if (!specVersion || id == null || type == null || source == null) {
			return null;
		}
		return new BinaryModeCloudEvent(id, source, type, contentType, subject, time, extensions,
				(value.length != 0) ? BytesCloudEventData.wrap(value) : null);
	}

	/**
	 * What a header is to the fast path. Matched on the length first: a string switch would hash every key, and
	 * the keys of each record are new strings.
	 */
	private static Attribute attribute(String key) {
		switch (key.length()) {
			case 5 -> {
				if (key.equals(ID)) {
					return Attribute.ID;
				}
			}
			case 7 -> {
				if (key.equals(TYPE)) {
					return Attribute.TYPE;
				}
				if (key.equals(TIME)) {
					return Attribute.TIME;
				}
			}
			case 9 -> {
				if (key.equals(SOURCE)) {
					return Attribute.SOURCE;
				}
			}
			case 10 -> {
				if (key.equals(SUBJECT)) {
					return Attribute.SUBJECT;
				}
			}
			case 12 -> {
				if (key.equals(CONTENT_TYPE)) {
					return Attribute.CONTENT_TYPE;
				}
			}
			case 14 -> {
				if (key.equals(SPEC_VERSION)) {
					return Attribute.SPEC_VERSION;
				}
			}
			case 15 -> {
				// the extension every Momentum publisher writes
				if (key.equals(PARTITION_KEY)) {
					return Attribute.EXTENSION;
				}
			}
			default -> {
			}
		}
		if (!key.startsWith(PREFIX)) {
			return CloudEventHeaderNames.isCanonical(key) ? Attribute.OTHER : Attribute.LEFT_TO_THE_SDK;
		}
		// a plain name after the prefix is also canonical; ce_data_base64 is not a plain name
		if (key.length() == PREFIX.length() || !isPlainName(key, PREFIX.length()) || key.equals(DATA_SCHEMA)
				|| key.equals(DATA_CONTENT_TYPE) || key.equals(DATA)) {
			return Attribute.LEFT_TO_THE_SDK;
		}
		return Attribute.EXTENSION;
	}

	private static @Nullable URI uri(String text) {
		try {
			return new URI(text);
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * The content type when the SDK reads a record with it in binary mode: not a structured-mode event format, and
	 * not an unknown {@code application/cloudevents} format (which it refuses).
	 */
	private static @Nullable String binaryContentType(String contentType) {
		boolean binary = !contentType.startsWith("application/cloudevents")
				&& EventFormatProvider.getInstance().resolveFormat(contentType) == null;
		return binary ? contentType : null;
	}

	/**
	 * Lower-case letters and digits from an index on: names the SDK's lower-casing (in the default locale) leaves
	 * as they are.
	 */
	private static boolean isPlainName(String name, int from) {
		for (int i = from; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	private enum Attribute {

		SPEC_VERSION, ID, TYPE, SOURCE, TIME, SUBJECT, CONTENT_TYPE,

		/** A {@code ce_} header with a name the SDK takes as an extension. */
		EXTENSION,

		/** A header that is not a CloudEvents header, such as {@code traceparent}. */
		OTHER,

		/** A header name the SDK renames, or a reserved attribute: the SDK reader decides. */
		LEFT_TO_THE_SDK

	}

}
