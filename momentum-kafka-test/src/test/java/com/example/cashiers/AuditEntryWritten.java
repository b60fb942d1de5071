package com.example.cashiers;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * Published by this service for others: it consumes nothing on this topic.
 *
 * @param tenantId the tenant, the partition key
 * @param text the entry
 */
@EventTopic(topic = "audit-entries")
public record AuditEntryWritten(@PartitionKey UUID tenantId, String text) {

}
