package io.momentum.kafka.consuming.error;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One failed attempt to handle a record, or its end in the dead-letter topic, as reported to
 * {@link ConsumptionFailureObserver}s.
 *
 * @param topic the topic the record was read from
 * @param partition the partition
 * @param offset the offset
 * @param groupId the consumer group, or {@code null} when the container has none
 * @param cloudEventType the CloudEvents {@code type} of the record, or {@code null} when the
 * record cannot be read as a CloudEvent
 * @param exception what failed: the handler's exception (unwrapped from spring-kafka's
 * {@code ListenerExecutionFailedException} and from
 * {@link io.momentum.kafka.consuming.IntegrationEventHandlerException}), or the
 * {@link io.momentum.kafka.cloudevents.UnreadableEventException} of an unreadable record
 * @param attempts the attempts made so far for this record, at least 1
 */
public record ConsumptionFailure(String topic, int partition, long offset, @Nullable String groupId,
		@Nullable String cloudEventType, Throwable exception, int attempts) {

	public ConsumptionFailure {
		Assert.hasText(topic, "'topic' must not be empty");
		Assert.notNull(exception, "'exception' must not be null");
		Assert.isTrue(attempts >= 1, "'attempts' must be at least 1");
	}

	/**
	 * The coordinates of the record for logs: {@code topic-partition@offset}.
	 * @return the coordinates
	 */
	public String coordinates() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}
