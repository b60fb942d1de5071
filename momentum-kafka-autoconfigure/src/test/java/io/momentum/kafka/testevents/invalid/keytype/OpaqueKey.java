package io.momentum.kafka.testevents.invalid.keytype;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/** The key's type has no toString(), so its text would be an identity hash. */
@EventTopic(topic = "opaque")
public record OpaqueKey(@PartitionKey Region region) {

	/** A class without toString(). */
	public static final class Region {

	}

}
