package io.momentum.kafka.it.roundtrip;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The seed's event, with the seed's subject.
 */
@EventTopic(value = Cashier.class, subject = "tenant/{tenantId}")
public record CashierCreated(@PartitionKey UUID tenantId, Cashier cashier) {

}
