package io.momentum.kafka.testevents.billing.ledger.override;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Domain from the nearest {@code @DefaultDomain}. */
@EventTopic(topic = "accounts")
public record AccountClosed(@PartitionKey UUID accountId) {
}
