package io.momentum.kafka.testevents.payments.events;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Domain from a parent package that has a package-info but no classes. */
@EventTopic(RefundIssued.Refund.class)
public record RefundIssued(@PartitionKey UUID refundId) {

	/** The entity. */
	public record Refund(UUID id) {
	}

}
