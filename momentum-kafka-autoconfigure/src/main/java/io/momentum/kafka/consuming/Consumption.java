package io.momentum.kafka.consuming;

import org.jspecify.annotations.Nullable;

/**
 * One record an integration event listener container consumed, as reported to
 * {@link ConsumptionObserver}s.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 * @param groupId the consumer group
 * @param cloudEventType the CloudEvents {@code type} as received
 * @param eventType the event class the type matched, or {@code null} when it matched no event
 * type known to the application
 */
public record Consumption(String topic, int partition, long offset, String groupId, String cloudEventType,
		@Nullable Class<?> eventType) {

}
