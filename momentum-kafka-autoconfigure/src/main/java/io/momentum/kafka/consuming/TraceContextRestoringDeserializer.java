package io.momentum.kafka.consuming;

import io.momentum.kafka.cloudevents.TraceContextExtension;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The value deserializer of the integration event listener containers: the value as it is, and,
 * for a record whose producer wrote its trace context only as the binary-mode CloudEvents
 * extension header ({@code ce_traceparent}), the plain {@code traceparent} (and
 * {@code tracestate}) header that the containers' observation continues the trace from (see
 * {@link TraceContextExtension#copyExtensionToHeaders(Headers)}). It runs when the record is
 * fetched, before the observation of the record starts.
 */
public class TraceContextRestoringDeserializer extends ByteArrayDeserializer {

	@Override
	public byte[] deserialize(String topic, Headers headers, byte[] data) {
		TraceContextExtension.copyExtensionToHeaders(headers);
		return data;
	}

}
