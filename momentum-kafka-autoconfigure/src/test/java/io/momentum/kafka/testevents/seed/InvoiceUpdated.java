package io.momentum.kafka.testevents.seed;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Seed: {@code dev.billing.public.invoice-events.v2}. */
@EventTopic(value = Invoice.class, topic = "invoice-events", domain = "billing", version = "v2", internal = false,
		pluralize = false)
public record InvoiceUpdated(@PartitionKey UUID tenantId, Invoice invoice) {
}
