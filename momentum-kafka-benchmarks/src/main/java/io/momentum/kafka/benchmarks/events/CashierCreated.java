package io.momentum.kafka.benchmarks.events;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The Momentum documentation's {@code CashierCreated}, as it declares it (no subject):
 * {@code [EventTopic<Cashier>] record CashierCreated([PartitionKey] Guid TenantId, Cashier Cashier)}.
 *
 * @param tenantId the tenant, the partition key
 * @param cashier the cashier created
 */
@EventTopic(Cashier.class)
public record CashierCreated(@PartitionKey UUID tenantId, Cashier cashier) {
}
