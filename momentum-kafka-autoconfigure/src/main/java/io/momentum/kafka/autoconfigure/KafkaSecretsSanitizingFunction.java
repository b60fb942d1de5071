package io.momentum.kafka.autoconfigure;

import io.momentum.kafka.admin.SecretKeys;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks Kafka secrets in {@code /actuator/env} and {@code /actuator/configprops}, also when
 * values are shown ({@code management.endpoint.env.show-values=always}): {@code Kafka.SaslPassword},
 * {@code Kafka.SslKeyPassword} in every spelling, and Kafka client secrets such as
 * {@code sasl.jaas.config}, {@code ssl.keystore.key} and {@code ssl.key.password} under any
 * prefix.
 */
public class KafkaSecretsSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return SecretKeys.isSecret(data.getKey()) ? data.withSanitizedValue() : data;
	}

}
