package io.momentum.kafka.admin;

import java.util.List;
import java.util.Locale;

/**
 * Recognises configuration keys whose values are secrets, in every form a key takes: the seed's
 * {@code Kafka.SaslPassword}, {@code kafka.sasl-password}, {@code KAFKA_SASLPASSWORD},
 * {@code Kafka__SaslPassword}, and Kafka client keys such as {@code sasl.jaas.config} under any
 * prefix ({@code spring.kafka.properties.sasl.jaas.config}), and any key containing
 * {@code password}. One rule for the configuration properties endpoint, our {@code toString()}s
 * and the messages of admin-client failures.
 */
public final class SecretKeys {

	/** Key endings, lower-case with separators removed. */
	private static final List<String> SECRET_ENDINGS = List.of("saslpassword", "sslkeypassword", "sasljaasconfig",
			"sslkeystorekey", "sslkeystorepassword", "ssltruststorepassword");

	private SecretKeys() {
	}

	/**
	 * Whether the value of a key is a secret.
	 * @param key a property name in any form
	 * @return {@code true} if the value must never be shown
	 */
	public static boolean isSecret(String key) {
		String compact = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (compact.contains("password")) {
			return true;
		}
		for (String ending : SECRET_ENDINGS) {
			if (compact.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

}
