package io.momentum.kafka.testevents.seed;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Seed: {@code dev.appdomain.public.users}. */
@EventTopic(User.class)
public record UserCreated(@PartitionKey UUID tenantId, User user) {
}
