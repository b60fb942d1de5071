package io.momentum.kafka.testevents.seed;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Seed: {@code dev.appdomain.public.cashiers}. */
@EventTopic(value = Cashier.class, partitions = 3, subject = "tenant/{tenantId}")
public record CashierCreated(@PartitionKey UUID tenantId, Cashier cashier) {
}
