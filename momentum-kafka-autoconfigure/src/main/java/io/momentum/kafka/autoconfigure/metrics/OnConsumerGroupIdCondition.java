package io.momentum.kafka.autoconfigure.metrics;

import io.momentum.kafka.autoconfigure.ConsumerGroupId;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application has a consumer group id ({@link ConsumerGroupId}).
 */
class OnConsumerGroupIdCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String groupId = ConsumerGroupId.resolve(context.getEnvironment());
		return (groupId != null) ? ConditionOutcome.match("consumer group id is '" + groupId + "'")
				: ConditionOutcome.noMatch("no consumer group id (" + ConsumerGroupId.MOMENTUM_KEY + ", "
						+ ConsumerGroupId.SPRING_KAFKA_KEY + ", " + ConsumerGroupId.APPLICATION_NAME_KEY + ")");
	}

}
