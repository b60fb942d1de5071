package io.momentum.kafka.cloudevents;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.util.Assert;

/**
 * One integration event written as a Kafka record in the CloudEvents format, ready to send.
 *
 * @param id the CloudEvents {@code id}
 * @param key the record key (the partition key, or the id when the event type declares none)
 * @param time the CloudEvents {@code time}, also the record's timestamp
 * @param record the record: key, value and headers
 */
public record CloudEventRecord(String id, String key, Instant time, ProducerRecord<String, byte[]> record) {

	public CloudEventRecord {
		Assert.hasText(id, "'id' must not be empty");
		Assert.hasText(key, "'key' must not be empty");
		Assert.notNull(time, "'time' must not be null");
		Assert.notNull(record, "'record' must not be null");
	}

}
