package com.example.cashiers;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * Shares the cashiers topic, but this service has no handler for it: its records are skipped.
 *
 * @param tenantId the tenant, the partition key
 * @param cashierId the cashier
 * @param name the new name
 */
@EventTopic(Cashier.class)
public record CashierRenamed(@PartitionKey UUID tenantId, UUID cashierId, String name) {

}
