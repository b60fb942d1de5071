package io.momentum.kafka.testevents.billing;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;
import io.momentum.kafka.testevents.seed.Invoice;

/** Domain from this package's {@code @DefaultDomain}. */
@EventTopic(Invoice.class)
public record InvoicePaid(@PartitionKey UUID invoiceId) {
}
