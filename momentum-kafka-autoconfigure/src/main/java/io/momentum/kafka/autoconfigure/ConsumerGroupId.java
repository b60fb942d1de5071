package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
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

	/**
	 * Spring Boot's consumer properties map, whose {@code group.id} its consumer factory lets win over
	 * {@value #SPRING_KAFKA_KEY}.
	 */
	static final String SPRING_KAFKA_PROPERTIES_KEY = "spring.kafka.consumer.properties";

	/** The application name, Momentum's default group id. */
	public static final String APPLICATION_NAME_KEY = "spring.application.name";

	private ConsumerGroupId() {
	}

	/**
	 * Resolve the group id.
	 * @param environment the environment
	 * @return the group id, or {@code null} when none of the keys is set
	 */
	public static @Nullable String resolve(Environment environment) {
		Binder binder = Binder.get(environment);
		// Spring Boot's consumer properties map wins over its group-id key, as in its consumer factory
		String springKafka = binder.bind(SPRING_KAFKA_PROPERTIES_KEY, Bindable.mapOf(String.class, String.class))
			.map((properties) -> properties.get("group.id"))
			.orElseGet(() -> binder.bind(SPRING_KAFKA_KEY, String.class).orElse(null));
		return resolve(binder.bind(MOMENTUM_KEY, String.class).orElse(null), springKafka,
				binder.bind(APPLICATION_NAME_KEY, String.class).orElse(null));
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

	/**
	 * Resolve the group id, failing when there is none.
	 * @param environment the environment
	 * @return the group id
	 * @throws IllegalStateException naming the keys to set
	 */
	public static String require(Environment environment) {
		String groupId = resolve(environment);
		if (groupId == null) {
			throw new IllegalStateException("No Kafka consumer group id: set " + MOMENTUM_KEY + ", " + SPRING_KAFKA_KEY
					+ " or " + APPLICATION_NAME_KEY + " (Momentum's default, the service name)");
		}
		return groupId;
	}

}
