package io.momentum.kafka.testevents.seed;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Seed: {@code dev.appdomain.internal.orders}. */
@EventTopic(value = Order.class, internal = true)
public record OrderValidated(@PartitionKey UUID tenantId, UUID orderId) {
}
