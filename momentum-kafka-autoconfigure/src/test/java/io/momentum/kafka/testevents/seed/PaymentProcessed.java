package io.momentum.kafka.testevents.seed;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Seed: {@code dev.appdomain.public.payments.v2}. */
@EventTopic(value = Payment.class, version = "v2", partitions = 2)
public record PaymentProcessed(@PartitionKey UUID tenantId, Payment payment) {
}
