package io.momentum.sample;

import io.momentum.kafka.consuming.EventMetadata;

/**
 * The event that last changed an entry of a read model, so that a reader can follow an entry
 * back to its record on the broker.
 *
 * @param type the CloudEvents type
 * @param id the CloudEvents id
 * @param topic the topic the event was read from
 * @param partition its partition
 * @param offset its offset
 */
public record EventReference(String type, String id, String topic, int partition, long offset) {

	/**
	 * The reference to the event a handler received.
	 * @param metadata the metadata passed to the handler
	 * @return the reference
	 */
	public static EventReference of(EventMetadata metadata) {
		return new EventReference(metadata.type(), metadata.id(), metadata.topic(), metadata.partition(),
				metadata.offset());
	}

}
