package io.momentum.kafka.it.reliability.app;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * An event on the same topic that this service publishes but does not handle: its records are skipped.
 *
 * @param account the partition key
 */
@EventTopic(topic = "payments")
public record PaymentAudited(@PartitionKey String account) {

}
