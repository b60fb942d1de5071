package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Explains a missing Momentum Kafka bean (any type in {@code io.momentum.kafka}) when the cause
 * is that {@code ConnectionStrings.Messaging} is not set, which switches the whole integration
 * off. Other missing beans are left to Spring Boot's own analysis.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissingMessagingConnectionFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException> {

	private static final String BASE_PACKAGE = "io.momentum.kafka";

	private final @Nullable Environment environment;

	MissingMessagingConnectionFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
		Class<?> beanType = beanType(cause);
		if (beanType == null || !isMomentumType(beanType) || isConnectionStringSet()) {
			return null;
		}
		String description = "A component needs a bean of type '" + beanType.getName()
				+ "', but Momentum Kafka is switched off because " + BootstrapServers.KEY + " is not set.";
		String action = """
				Set %s to your Kafka bootstrap servers (host:port, several separated by commas), \
				for example in application.yml:

				    ConnectionStrings:
				      Messaging: localhost:9092

				or as the environment variable CONNECTIONSTRINGS_MESSAGING=localhost:9092 \
				(ConnectionStrings__Messaging=localhost:9092 works too).""".formatted(BootstrapServers.KEY);
		return new FailureAnalysis(description, action, cause);
	}

	private static @Nullable Class<?> beanType(NoSuchBeanDefinitionException cause) {
		if (cause.getBeanType() != null) {
			return cause.getBeanType();
		}
		ResolvableType type = cause.getResolvableType();
		return (type != null) ? type.resolve() : null;
	}

	private static boolean isMomentumType(Class<?> type) {
		String name = type.getPackageName();
		return name.equals(BASE_PACKAGE) || name.startsWith(BASE_PACKAGE + ".");
	}

	private boolean isConnectionStringSet() {
		if (this.environment == null) {
			return false;
		}
		return Binder.get(this.environment)
			.bind(OnMessagingConnectionCondition.CONNECTION_STRING_KEY, String.class)
			.map(StringUtils::hasText)
			.orElse(false);
	}

}
