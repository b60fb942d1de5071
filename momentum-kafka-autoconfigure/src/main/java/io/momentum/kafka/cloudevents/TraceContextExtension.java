package io.momentum.kafka.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the CloudEvents distributed-tracing extension ({@code traceparent}, {@code tracestate})
 * of a record in step with its plain W3C trace context headers, the ones tracing libraries and
 * Spring Kafka's observations write and read. The extension's specification asks for that: over a
 * single hop, such as publisher to handler through Kafka, the extension carries the same trace
 * information as the protocol's tracing headers.
 * <ul>
 * <li>Publishing: Spring Kafka's send observation replaces a record's plain {@code traceparent}
 * header with the context of its producer span, after the event was written.
 * {@link #copyHeadersToExtension(ProducerRecord)}, called once that happened, makes the extension
 * name the same span.</li>
 * <li>Consuming: Spring Kafka's listener observation continues the trace of the plain
 * {@code traceparent} header only. {@link #copyExtensionToHeaders(Headers)} gives a record whose
 * producer wrote the extension as a binary-mode header alone (a CloudEvents SDK of another
 * platform, for example) the plain headers, so that its trace is continued too.</li>
 * </ul>
 */
public final class TraceContextExtension {

	/** The W3C {@code traceparent} header, and the extension attribute of the same name. */
	public static final String TRACEPARENT = "traceparent";

	/** The W3C {@code tracestate} header, and the extension attribute of the same name. */
	public static final String TRACESTATE = "tracestate";

	private static final String BINARY_PREFIX = "ce_";

	private static final String CE_TRACEPARENT = BINARY_PREFIX + TRACEPARENT;

	private static final String CE_TRACESTATE = BINARY_PREFIX + TRACESTATE;

	private static final String CE_SPECVERSION = BINARY_PREFIX + "specversion";

	private TraceContextExtension() {
	}

	/**
	 * Make the distributed-tracing extension of a record written by a
	 * {@link CloudEventRecordFactory} carry the trace context of the record's plain
	 * {@code traceparent} and {@code tracestate} headers as they are now. A record without a
	 * plain {@code traceparent} header is left as it is.
	 * @param record the record, before it is handed to the producer
	 * @return the record to send: in binary mode {@code record} itself, its {@code ce_traceparent}
	 * and {@code ce_tracestate} headers set; in structured mode {@code record} itself when its
	 * envelope already carries that context, else a copy with the same headers and the envelope
	 * written again with it
	 */
	public static ProducerRecord<String, byte[]> copyHeadersToExtension(ProducerRecord<String, byte[]> record) {
		Headers headers = record.headers();
		byte[] traceparent = value(headers.lastHeader(TRACEPARENT));
		if (traceparent == null) {
			return record;
		}
		byte[] tracestate = value(headers.lastHeader(TRACESTATE));
		if (record instanceof StructuredCloudEventRecord structured) {
			return structured.withTraceContext(text(traceparent), (tracestate != null) ? text(tracestate) : null);
		}
		if (headers.lastHeader(CE_SPECVERSION) == null) {
			return record;
		}
		replace(headers, CE_TRACEPARENT, traceparent);
		replace(headers, CE_TRACESTATE, tracestate);
		return record;
	}

	/**
	 * Give a consumed record whose trace context travels only in the binary-mode extension
	 * headers ({@code ce_traceparent}, or {@code ce-traceparent} as the seed writes CloudEvents
	 * headers; {@code ce_tracestate}) the plain {@code traceparent} and {@code tracestate} headers
	 * that Spring Kafka's listener observation reads. A record that has a plain
	 * {@code traceparent} header keeps its headers as they are: that header wins.
	 * @param headers the headers of a consumed record, modified in place
	 */
	public static void copyExtensionToHeaders(Headers headers) {
		byte[] traceparent = null;
		byte[] tracestate = null;
		boolean plainTracestate = false;
		for (Header header : headers) {
			String key = header.key();
			if (key.equals(TRACEPARENT)) {
				return;
			}
			if (key.equals(TRACESTATE)) {
				plainTracestate = true;
			}
			else if (isExtensionHeader(key, TRACEPARENT)) {
				traceparent = header.value();
			}
			else if (isExtensionHeader(key, TRACESTATE)) {
				tracestate = header.value();
			}
		}
		if (traceparent == null || traceparent.length == 0) {
			return;
		}
		headers.add(TRACEPARENT, traceparent);
		if (tracestate != null && tracestate.length > 0 && !plainTracestate) {
			headers.add(TRACESTATE, tracestate);
		}
	}

	/**
	 * Whether a header name is the binary-mode header of an extension attribute: {@code ce_} or
	 * {@code ce-} in any case, then the attribute name in any case.
	 */
	private static boolean isExtensionHeader(String key, String attribute) {
		return key.length() == attribute.length() + 3 && (key.charAt(2) == '_' || key.charAt(2) == '-')
				&& key.regionMatches(true, 0, "ce", 0, 2) && key.regionMatches(true, 3, attribute, 0, attribute.length());
	}

	private static void replace(Headers headers, String key, byte @Nullable [] value) {
		Header current = headers.lastHeader(key);
		if (current == null && value == null) {
			return;
		}
		if (current != null && value != null && Arrays.equals(current.value(), value)) {
			return;
		}
		headers.remove(key);
		if (value != null) {
			headers.add(key, value);
		}
	}

	private static byte @Nullable [] value(@Nullable Header header) {
		return (header != null && header.value() != null && header.value().length > 0) ? header.value() : null;
	}

	private static String text(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}
