package io.momentum.sample.deadletters;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record of a dead-letter topic, described by its headers (the payload is not shown).
 *
 * @param topic the dead-letter topic
 * @param partition its partition
 * @param offset its offset
 * @param timestamp when it was written to the dead-letter topic
 * @param key the record key, the original event's partition key
 * @param type the CloudEvents type of the original event ({@code ce_type}), if it had one
 * @param id the CloudEvents id of the original event ({@code ce_id}), if it had one
 * @param originalTopic where the record came from ({@code kafka_dlt-original-topic})
 * @param originalPartition its partition there ({@code kafka_dlt-original-partition})
 * @param originalOffset its offset there ({@code kafka_dlt-original-offset})
 * @param exception the class of the exception the handler threw
 * ({@code kafka_dlt-exception-cause-fqcn}, else {@code kafka_dlt-exception-fqcn})
 * @param reason the exception's message ({@code kafka_dlt-exception-message})
 * @param attempts how many times the handler was called ({@code momentum_dlt-attempts})
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, @Nullable String key,
		@Nullable String type, @Nullable String id, @Nullable String originalTopic,
		@Nullable Integer originalPartition, @Nullable Long originalOffset, @Nullable String exception,
		@Nullable String reason, @Nullable Integer attempts) {

}
