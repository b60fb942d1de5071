package io.momentum.kafka.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks Kafka secrets in the actuator endpoints. Unlike the other Momentum auto-configurations it
 * does not need {@code ConnectionStrings.Messaging}: a password must stay hidden even while the
 * integration is switched off.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class MomentumKafkaSecretsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	KafkaSecretsSanitizingFunction momentumKafkaSecretsSanitizingFunction() {
		return new KafkaSecretsSanitizingFunction();
	}

}
