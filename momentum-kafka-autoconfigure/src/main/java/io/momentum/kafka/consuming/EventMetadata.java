package io.momentum.kafka.consuming;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The CloudEvents attributes and Kafka coordinates of a received integration event; the optional
 * second parameter of an {@link io.momentum.kafka.annotation.IntegrationEventHandler} method.
 *
 * @param id the CloudEvents {@code id}
 * @param source the CloudEvents {@code source}
 * @param type the CloudEvents {@code type} as received (for example the full .NET type name)
 * @param time the CloudEvents {@code time}, or {@code null} when the producer set none
 * @param subject the CloudEvents {@code subject}, or {@code null}
 * @param key the record key decoded as UTF-8, or {@code null}
 * @param topic the topic the record was read from
 * @param partition the partition
 * @param offset the offset
 * @param extensions the CloudEvents extension attributes as strings (for example
 * {@code partitionkey}, {@code traceparent}), in both content modes
 * @param headers the record headers that have a value, decoded as UTF-8 (the last one wins
 * when a name repeats)
 */
public record EventMetadata(String id, String source, String type, @Nullable OffsetDateTime time,
		@Nullable String subject, @Nullable String key, String topic, int partition, long offset,
		Map<String, String> extensions, Map<String, String> headers) {

	public EventMetadata {
		Assert.hasText(id, "'id' must not be empty");
		Assert.notNull(source, "'source' must not be null");
		Assert.hasText(type, "'type' must not be empty");
		Assert.hasText(topic, "'topic' must not be empty");
		extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	/**
	 * The metadata of an event read from a record.
	 * @param event the CloudEvent read from the record
	 * @param record the record
	 * @return the metadata
	 */
	public static EventMetadata of(CloudEvent event, ConsumerRecord<byte @Nullable [], ?> record) {
		Map<String, String> extensions = new LinkedHashMap<>();
		for (String name : event.getExtensionNames()) {
			Object value = event.getExtension(name);
			if (value != null) {
				extensions.put(name, (value instanceof byte[] bytes) ? Base64.getEncoder().encodeToString(bytes)
						: value.toString());
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			if (header.value() != null) {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		byte[] key = record.key();
		return new EventMetadata(event.getId(), event.getSource().toString(), event.getType(), event.getTime(),
				event.getSubject(), (key != null) ? new String(key, StandardCharsets.UTF_8) : null, record.topic(),
				record.partition(), record.offset(), extensions, headers);
	}

}
