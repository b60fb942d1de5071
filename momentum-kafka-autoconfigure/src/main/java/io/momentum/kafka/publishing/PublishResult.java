package io.momentum.kafka.publishing;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * Where the broker wrote a published integration event.
 *
 * @param eventId the CloudEvents {@code id} of the event
 * @param type the CloudEvents {@code type} of the event
 * @param topic the topic
 * @param key the record key
 * @param partition the partition
 * @param offset the offset in the partition ({@code -1} only with {@code acks=0}, when the broker
 * does not answer)
 * @param timestamp the record timestamp: the event's {@code time}, or the broker's append time
 * when the topic uses {@code LogAppendTime}
 */
public record PublishResult(String eventId, String type, String topic, String key, int partition, long offset,
		Instant timestamp) {

	public PublishResult {
		// Built on the producer's I/O thread for every acknowledged event: checks that cost no scan of the text.
		Assert.isTrue(eventId != null && !eventId.isEmpty(), "'eventId' must not be empty");
		Assert.isTrue(type != null && !type.isEmpty(), "'type' must not be empty");
		Assert.isTrue(topic != null && !topic.isEmpty(), "'topic' must not be empty");
		Assert.isTrue(key != null && !key.isEmpty(), "'key' must not be empty");
		Assert.isTrue(partition >= 0, "'partition' must not be negative");
		Assert.isTrue(offset >= -1, "'offset' must be -1 or more");
		Assert.notNull(timestamp, "'timestamp' must not be null");
	}

}
