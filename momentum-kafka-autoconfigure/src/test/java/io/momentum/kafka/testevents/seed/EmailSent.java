package io.momentum.kafka.testevents.seed;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Seed: {@code dev.communications.public.notifications}. */
@EventTopic(value = Notification.class, domain = "communications")
public record EmailSent(@PartitionKey UUID tenantId, String email) {
}
