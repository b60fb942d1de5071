package com.example.cashiers;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * Published by the {@link CashierCreated} handler, and handled by this service too: a chain of two events.
 *
 * @param tenantId the tenant, the partition key
 * @param cashierId the cashier
 */
@EventTopic(topic = "cashier-welcomes")
public record CashierWelcomed(@PartitionKey UUID tenantId, UUID cashierId) {

}
