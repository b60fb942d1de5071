package io.momentum.sample.invoices;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * An invoice was created or changed: the seed's custom topic example. Topic
 * {@code dev.billing.public.invoice-events.v2}: the explicit topic is used as written, in the
 * {@code billing} domain rather than the application's, with a version segment.
 *
 * @param tenantId the tenant, the partition key
 * @param invoice the invoice as it is now
 */
@EventTopic(value = Invoice.class, topic = "invoice-events", domain = "billing", version = "v2", pluralize = false)
public record InvoiceUpdated(@PartitionKey UUID tenantId, Invoice invoice) {

}
