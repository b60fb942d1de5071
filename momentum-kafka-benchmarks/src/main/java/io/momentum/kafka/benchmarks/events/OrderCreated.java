package io.momentum.kafka.benchmarks.events;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The Momentum documentation's event with a composite partition key.
 *
 * @param tenantId the first key component
 * @param customerId the second key component
 * @param order the order created
 */
@EventTopic(Order.class)
public record OrderCreated(@PartitionKey(order = 0) UUID tenantId, @PartitionKey(order = 1) UUID customerId,
		Order order) {
}
