package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.data.BytesCloudEventData;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.core.v1.CloudEventBuilder;
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
 * The fast path does what the SDK's Kafka binary-mode reader does — each {@code ce_} header and the
 * {@code content-type} header, in record order, set on the SDK's own {@link CloudEventBuilder} — without copying
 * and renaming the headers first, and with two shortcuts that give the same values: the {@code source} URI of a
 * source seen before is reused, and a {@code time} of the usual RFC 3339 shape is parsed without a
 * {@code DateTimeFormatter}. The CloudEvents SDK's read path costs more CPU per record than reading the data
 * itself; see the benchmarks page.
 */
public class BinaryModeCloudEventReader implements CloudEventReader {

	private static final String PREFIX = "ce_";

	private static final String CONTENT_TYPE = "content-type";

	private static final byte[] SPEC_VERSION_1 = "1.0".getBytes(StandardCharsets.UTF_8);

	/** Bounds the caches: a topic has few sources and content types, a hostile producer many. */
	private static final int CACHE_LIMIT = 256;

	private final CloudEventReader fallback;

	private final Map<String, URI> sources = new ConcurrentHashMap<>();

	private final Map<String, Boolean> binaryContentTypes = new ConcurrentHashMap<>();

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
		Assert.notNull(fallback, "'fallback' must not be null");
		this.fallback = fallback;
	}

	@Override
	public CloudEvent read(Headers headers, byte @Nullable [] value) {
		CloudEvent event = (value != null) ? readBinary(headers, value) : null;
		return (event != null) ? event : this.fallback.read(headers, value);
	}

	/**
	 * The event of a canonical binary-mode record, or {@code null} when the record is of another kind or the SDK
	 * would reject it (the fallback then reads it and reports why).
	 */
	private @Nullable CloudEvent readBinary(Headers headers, byte[] value) {
		Header[] all = headers.toArray();
		byte @Nullable [] specVersion = null;
		String contentType = null;
		for (Header header : all) {
			String key = header.key();
			if (header.value() == null || !CloudEventHeaderNames.isCanonical(key)
					|| !SdkCloudEventReader.isUtf8(header.value())) {
				// The SDK reader decides, and refuses attribute headers that are not valid UTF-8.
				return null;
			}
			if (key.equals(PREFIX + "specversion")) {
				specVersion = header.value();
			}
			else if (key.equals(CONTENT_TYPE)) {
				contentType = new String(header.value(), StandardCharsets.UTF_8);
			}
		}
		if (specVersion == null || !Arrays.equals(specVersion, SPEC_VERSION_1)
				|| (contentType != null && !isBinaryContentType(contentType))) {
			return null;
		}
		try {
			CloudEventBuilder builder = new CloudEventBuilder();
			for (Header header : all) {
				String key = header.key();
				if (key.equals(CONTENT_TYPE)) {
					builder.withContextAttribute("datacontenttype", new String(header.value(), StandardCharsets.UTF_8));
				}
				else if (key.length() > PREFIX.length() && key.startsWith(PREFIX)) {
					String name = key.substring(PREFIX.length());
					if (!isPlainName(name)) {
						return null;
					}
					String text = new String(header.value(), StandardCharsets.UTF_8);
					switch (name) {
						case "specversion" -> {
						}
						case "source" -> {
							URI source = source(text);
							if (source == null) {
								return null;
							}
							builder.withContextAttribute(name, source);
						}
						case "time" -> {
							OffsetDateTime time = Rfc3339Times.parse(text);
							builder.withContextAttribute(name, (time != null) ? time : OffsetDateTime.parse(text));
						}
						default -> builder.withContextAttribute(name, text);
					}
				}
			}
			return (value.length != 0) ? builder.end(BytesCloudEventData.wrap(value)) : builder.end();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private @Nullable URI source(String text) {
		URI source = this.sources.get(text);
		if (source == null) {
			try {
				source = new URI(text);
			}
			catch (URISyntaxException ex) {
				return null;
			}
			if (this.sources.size() < CACHE_LIMIT) {
				this.sources.put(text, source);
			}
		}
		return source;
	}

	/**
	 * Whether the SDK reads a record with this {@code content-type} in binary mode: not a structured-mode event
	 * format, and not an unknown {@code application/cloudevents} format (which it refuses).
	 */
	private boolean isBinaryContentType(String contentType) {
		Boolean binary = this.binaryContentTypes.get(contentType);
		if (binary == null) {
			binary = !contentType.startsWith("application/cloudevents")
					&& EventFormatProvider.getInstance().resolveFormat(contentType) == null;
			if (this.binaryContentTypes.size() < CACHE_LIMIT) {
				this.binaryContentTypes.put(contentType, binary);
			}
		}
		return binary;
	}

	/**
	 * Lower-case letters and digits: names the SDK's lower-casing (in the default locale) leaves as they are.
	 */
	private static boolean isPlainName(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

}
