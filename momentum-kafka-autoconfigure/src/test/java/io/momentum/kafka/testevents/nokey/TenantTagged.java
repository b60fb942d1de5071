package io.momentum.kafka.testevents.nokey;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** A plain class keyed through a getter. */
@EventTopic(topic = "tags")
public class TenantTagged {

	private final String tenant;

	public TenantTagged(String tenant) {
		this.tenant = tenant;
	}

	@PartitionKey
	public String getTenant() {
		return this.tenant;
	}

}
