package io.momentum.sample.orders;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * This service checked an order: the seed's internal event. Topic
 * {@code dev.appdomain.internal.orders}, meant for this service only.
 *
 * @param tenantId the tenant, the partition key
 * @param orderId the order that was checked
 */
@EventTopic(value = Order.class, internal = true)
public record OrderValidated(@PartitionKey UUID tenantId, UUID orderId) {

}
