package io.momentum.sample.orders;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * An order was placed: the seed's example with two partition keys. Topic
 * {@code dev.appdomain.public.orders}; the record key is {@code <tenantId>|<customerId>}, so one
 * customer's orders keep their order while a tenant's customers spread over the partitions.
 *
 * @param tenantId the tenant, first key component
 * @param customerId the customer, second key component
 * @param order the order
 */
@EventTopic(Order.class)
public record OrderCreated(@PartitionKey(order = 0) UUID tenantId, @PartitionKey(order = 1) UUID customerId,
		Order order) {

}
