package io.momentum.kafka.it.health;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The event whose topics the health indicator expects.
 */
@EventTopic(topic = "invoices-paid", domain = "billing")
public record InvoicePaid(@PartitionKey UUID invoiceId) {

}
