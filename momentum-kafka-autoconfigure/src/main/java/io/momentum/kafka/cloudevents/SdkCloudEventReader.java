package io.momentum.kafka.cloudevents;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link CloudEventReader}: the CloudEvents SDK's Kafka protocol binding
 * ({@link KafkaMessageFactory}) after making CloudEvents header names canonical, so that
 * {@code ce-} and {@code Content-Type} headers are read too. Structured mode is chosen by the
 * {@code content-type} header ({@code application/cloudevents+json}, parameters such as
 * {@code charset} allowed), binary mode by a {@code ce_specversion} header. Only CloudEvents 1.0
 * is accepted.
 */
public class SdkCloudEventReader implements CloudEventReader {

	@Override
	public CloudEvent read(Headers headers, byte @Nullable [] value) {
		if (value == null) {
			throw new UnreadableEventException("The record value is null (a tombstone), not a CloudEvent");
		}
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(CloudEventHeaderNames.normalize(headers), value).toEvent();
		}
		catch (RuntimeException ex) {
			throw new UnreadableEventException("The record is not a CloudEvent: " + ex.getMessage(), ex);
		}
		if (event.getSpecVersion() != SpecVersion.V1) {
			throw new UnreadableEventException("CloudEvents specversion " + event.getSpecVersion()
					+ " is not supported; integration events use specversion 1.0");
		}
		return event;
	}

}
