package io.momentum.kafka.testevents.billing.ledger;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** Domain from the parent package's {@code @DefaultDomain}. */
@EventTopic(LedgerEntryPosted.LedgerEntry.class)
public record LedgerEntryPosted(@PartitionKey UUID accountId) {

	/** The entity. */
	public record LedgerEntry(UUID id) {
	}

}
