package io.momentum.kafka.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The condition behind {@link ConditionalOnMessagingConnection}.
 */
class OnMessagingConnectionCondition extends SpringBootCondition {

	/** The canonical form of {@code ConnectionStrings.Messaging}. */
	static final String CONNECTION_STRING_KEY = "connectionstrings.messaging";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String connectionString = Binder.get(context.getEnvironment())
			.bind(CONNECTION_STRING_KEY, String.class)
			.orElse(null);
		if (StringUtils.hasText(connectionString)) {
			return ConditionOutcome.match("ConnectionStrings.Messaging is set");
		}
		return ConditionOutcome.noMatch("ConnectionStrings.Messaging is not set");
	}

}
