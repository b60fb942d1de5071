package com.example.cashiers;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The seed's {@code CashierCreated}.
 *
 * @param tenantId the tenant, the partition key
 * @param cashier the cashier
 */
@EventTopic(Cashier.class)
public record CashierCreated(@PartitionKey UUID tenantId, Cashier cashier) {

}
