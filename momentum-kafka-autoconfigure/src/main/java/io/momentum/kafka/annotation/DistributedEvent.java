package io.momentum.kafka.annotation;

/**
 * An event that computes its own partition key; the Java form of Momentum's
 * {@code IDistributedEvent}. Its {@link #partitionKey()} wins over {@link PartitionKey}
 * annotations.
 */
public interface DistributedEvent {

	/**
	 * The partition key of this event; must not be {@code null} or blank.
	 * @return the partition key
	 */
	String partitionKey();

}
