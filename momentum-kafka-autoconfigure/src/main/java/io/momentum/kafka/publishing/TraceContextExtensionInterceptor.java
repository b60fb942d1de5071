package io.momentum.kafka.publishing;

import java.util.Map;

import io.momentum.kafka.cloudevents.TraceContextExtension;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * The publisher's template interceptor. {@code KafkaTemplate} calls it inside its send
 * observation, after the observation's tracing handler wrote the producer span into the record's
 * {@code traceparent} header: it makes the CloudEvents {@code traceparent} extension name that
 * span too, so that a consumer reading either continues the same span.
 */
final class TraceContextExtensionInterceptor implements ProducerInterceptor<String, byte[]> {

	@Override
	public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
		return TraceContextExtension.copyHeadersToExtension(record);
	}

	@Override
	public void onAcknowledgement(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
	}

	@Override
	public void close() {
	}

	@Override
	public void configure(Map<String, ?> configs) {
	}

}
