package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The consumer group id of the application, by Momentum's rule: the first of
 * {@value #MOMENTUM_KEY}, {@value #SPRING_KAFKA_KEY} and {@value #APPLICATION_NAME_KEY} that is
 * set (the seed: "service name becomes consumer group ID"). Consumers and the lag meters both use
 * this class, so they always agree.
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
	 * Resolve the group id.
	 * @param environment the environment
	 * @return the group id, or {@code null} when none of the keys is set
	 */
	public static @Nullable String resolve(Environment environment) {
		Binder binder = Binder.get(environment);
		for (String key : new String[] { MOMENTUM_KEY, SPRING_KAFKA_KEY, APPLICATION_NAME_KEY }) {
			String value = binder.bind(key, String.class).orElse(null);
			if (StringUtils.hasText(value)) {
				return value.trim();
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
