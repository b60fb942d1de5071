package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The consumer group id of the application, by Momentum's rule: the first of
 * {@value #MOMENTUM_KEY}, {@value #SPRING_KAFKA_KEY} and {@value #APPLICATION_NAME_KEY} that is
 * set (the seed: "service name becomes consumer group ID"). The integration-event consumers
 * ({@link IntegrationEventConsumerConfigurer}) apply this rule, before any
 * {@code IntegrationEventConsumerCustomizer}, which may change the group id, as may an
 * {@code IntegrationEventContainerCustomizer} per container. The group a container actually
 * joins is {@code IntegrationEventListenerContainers#getTopicsByGroupId()}, which is what the lag
 * meters measure.
 */
public final class ConsumerGroupId {

	/** Momentum's own key, which wins. */
	public static final String MOMENTUM_KEY = "momentum.kafka.consumer.group-id";

	/** Spring Boot's key. */
	public static final String SPRING_KAFKA_KEY = "spring.kafka.consumer.group-id";

	/** The application name, Momentum's default group id. */
	public static final String APPLICATION_NAME_KEY = "spring.application.name";

	private ConsumerGroupId() {
	}

	/**
	 * Apply the rule to values already read: the first that has text, trimmed.
	 * @param momentum the value of {@value #MOMENTUM_KEY}
	 * @param springKafka Spring Kafka's group id (the {@code group.id} of Boot's consumer properties)
	 * @param applicationName the value of {@value #APPLICATION_NAME_KEY}
	 * @return the group id, or {@code null} when none has text
	 */
	public static @Nullable String resolve(@Nullable Object momentum, @Nullable Object springKafka,
			@Nullable Object applicationName) {
		for (Object value : new Object[] { momentum, springKafka, applicationName }) {
			if (value != null && StringUtils.hasText(value.toString())) {
				return value.toString().trim();
			}
		}
		return null;
	}

}
