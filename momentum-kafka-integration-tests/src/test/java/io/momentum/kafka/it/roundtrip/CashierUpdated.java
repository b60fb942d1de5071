package io.momentum.kafka.it.roundtrip;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * A second event type on the cashiers topic, so dispatch by type is part of the round trip.
 */
@EventTopic(Cashier.class)
public record CashierUpdated(@PartitionKey UUID tenantId, Cashier cashier) {

}
