package io.momentum.kafka.it.tracing;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * An event whose handler records the trace it runs in.
 */
@EventTopic(topic = "payments", pluralize = false)
public record PaymentProcessed(@PartitionKey UUID tenantId, long amountCents) {

}
