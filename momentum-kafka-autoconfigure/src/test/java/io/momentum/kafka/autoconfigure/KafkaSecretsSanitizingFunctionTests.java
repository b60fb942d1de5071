package io.momentum.kafka.autoconfigure;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSecretsSanitizingFunctionTests {

	private final KafkaSecretsSanitizingFunction function = new KafkaSecretsSanitizingFunction();

	@ParameterizedTest
	@ValueSource(strings = { "Kafka.SaslPassword", "kafka.sasl-password", "kafka.saslPassword", "KAFKA_SASLPASSWORD",
			"Kafka__SaslPassword", "Kafka.SslKeyPassword", "kafka.ssl-key-password", "KAFKA_SSLKEYPASSWORD",
			"spring.kafka.properties.sasl.jaas.config", "spring.kafka.properties[sasl.jaas.config]",
			"SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "sasl.jaas.config", "spring.kafka.admin.properties.ssl.keystore.key",
			"spring.kafka.ssl.key-store-key", "spring.kafka.ssl.key-password", "ssl.key.password",
			"spring.kafka.ssl.trust-store-password", "spring.kafka.ssl.key-store-password" })
	void masksSecretsInEveryForm(String key) {
		assertThat(this.function.apply(new SanitizableData(null, key, "secret")).getValue()).as(key)
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Kafka.SaslUsername", "kafka.security-protocol", "Kafka.SslCaLocation",
			"ConnectionStrings.Messaging", "spring.kafka.properties.ssl.keystore.certificate.chain",
			"spring.kafka.properties.sasl.mechanism", "kafka.ssl-key-location" })
	void leavesOtherValuesAlone(String key) {
		assertThat(this.function.apply(new SanitizableData(null, key, "value")).getValue()).as(key).isEqualTo("value");
	}

}
