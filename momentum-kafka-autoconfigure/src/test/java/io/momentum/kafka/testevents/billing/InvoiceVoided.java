package io.momentum.kafka.testevents.billing;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;
import io.momentum.kafka.testevents.seed.Invoice;

/** The annotation's domain wins over the package's. */
@EventTopic(value = Invoice.class, domain = "Archive")
public record InvoiceVoided(@PartitionKey UUID invoiceId) {
}
