package io.momentum.kafka.test;

import java.time.Instant;

import io.momentum.kafka.publishing.PublishResult;

import org.springframework.util.Assert;

/**
 * An integration event the application published and the broker acknowledged, as an
 * {@link IntegrationEventRecorder} saw it.
 *
 * @param <T> the event type
 * @param id the CloudEvents {@code id}
 * @param type the CloudEvents {@code type}
 * @param topic the topic it was written to
 * @param key the record key (the partition key, or the event id when the type has none)
 * @param partition the partition
 * @param offset the offset in the partition
 * @param timestamp the record timestamp
 * @param event the event as the application published it
 */
public record PublishedEvent<T>(String id, String type, String topic, String key, int partition, long offset,
		Instant timestamp, T event) {

	public PublishedEvent {
		Assert.hasText(id, "'id' must not be empty");
		Assert.notNull(event, "'event' must not be null");
	}

	static <T> PublishedEvent<T> of(PublishResult result, T event) {
		return new PublishedEvent<>(result.eventId(), result.type(), result.topic(), result.key(), result.partition(),
				result.offset(), result.timestamp(), event);
	}

	/**
	 * Where the event was written, as the publisher reported it.
	 * @return the publish result
	 */
	public PublishResult result() {
		return new PublishResult(this.id, this.type, this.topic, this.key, this.partition, this.offset,
				this.timestamp);
	}

	RecordCoordinates coordinates() {
		return new RecordCoordinates(this.topic, this.partition, this.offset);
	}

	/**
	 * A one-line description for failure messages: type, id, key and coordinates.
	 * @return the description
	 */
	@Override
	public String toString() {
		return this.event.getClass().getSimpleName() + " id " + this.id + " key " + this.key + " -> "
				+ coordinates();
	}

}
