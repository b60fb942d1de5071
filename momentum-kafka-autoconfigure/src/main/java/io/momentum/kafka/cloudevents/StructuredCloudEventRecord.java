package io.momentum.kafka.cloudevents;

import java.util.Objects;

import io.cloudevents.core.format.EventFormat;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * A structured-mode record that keeps its CloudEvent, so that the envelope can be written again
 * with the trace context Spring Kafka's send observation put into the record's headers (see
 * {@link TraceContextExtension#copyHeadersToExtension(ProducerRecord)}). It holds the event data
 * until the record is no longer referenced, normally once the broker acknowledged it.
 */
final class StructuredCloudEventRecord extends ProducerRecord<String, byte[]> {

	private final OutgoingEvent event;

	private final EventFormat format;

	StructuredCloudEventRecord(ProducerRecord<String, byte[]> written, OutgoingEvent event, EventFormat format) {
		super(written.topic(), written.partition(), written.timestamp(), written.key(), written.value(),
				written.headers());
		this.event = event;
		this.format = format;
	}

	/**
	 * This record with the given trace context in its envelope.
	 * @param traceparent the {@code traceparent} extension
	 * @param tracestate the {@code tracestate} extension, or {@code null} for none
	 * @return this record when its envelope carries that context already, else a copy with the
	 * same topic, key, timestamp and headers and the envelope written again
	 */
	ProducerRecord<String, byte[]> withTraceContext(String traceparent, @Nullable String tracestate) {
		if (traceparent.equals(this.event.getExtension(TraceContextExtension.TRACEPARENT))
				&& Objects.equals(tracestate, this.event.getExtension(TraceContextExtension.TRACESTATE))) {
			return this;
		}
		this.event.extension(TraceContextExtension.TRACEPARENT, traceparent);
		if (tracestate != null) {
			this.event.extension(TraceContextExtension.TRACESTATE, tracestate);
		}
		else {
			this.event.removeExtension(TraceContextExtension.TRACESTATE);
		}
		return new ProducerRecord<>(topic(), partition(), timestamp(), key(),
				this.format.serialize(this.event.toSdkEvent()), headers());
	}

}
