package io.momentum.kafka.testevents.nokey;

import io.momentum.kafka.annotation.EventTopic;

/** An event without a partition key. */
@EventTopic(topic = "audit")
public record AuditLogged(String message) {
}
