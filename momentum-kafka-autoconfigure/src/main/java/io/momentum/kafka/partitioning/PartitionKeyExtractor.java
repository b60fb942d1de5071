package io.momentum.kafka.partitioning;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Computes the Kafka record key of one event type. Built once per event type at startup; calling
 * it does no reflection look-ups.
 */
public interface PartitionKeyExtractor {

	/**
	 * The partition key of the given event.
	 * @param event an instance of the event type this extractor was built for
	 * @return the key, or {@code null} when the event type declares no key at all (the publisher
	 * then uses the event id)
	 * @throws InvalidPartitionKeyException when a key component is {@code null} or blank
	 */
	@Nullable String extract(Object event);

	/**
	 * The key components in the order they are joined, for the startup report: record component
	 * names, or {@code partitionKey()} for a {@link io.momentum.kafka.annotation.DistributedEvent}.
	 * @return the components, empty when the event type has no key
	 */
	List<String> components();

	/**
	 * Whether the event type declares a key.
	 * @return {@code true} when {@link #components()} is not empty
	 */
	default boolean hasKey() {
		return !components().isEmpty();
	}

}
