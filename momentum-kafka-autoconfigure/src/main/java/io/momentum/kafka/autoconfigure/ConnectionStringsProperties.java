package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Momentum's {@code ConnectionStrings} section. Binds the seed's {@code ConnectionStrings.Messaging}
 * as well as {@code connection-strings.messaging}, {@code connectionstrings.messaging}, the
 * environment variable {@code CONNECTIONSTRINGS_MESSAGING} and the .NET form
 * {@code ConnectionStrings__Messaging} (Spring Boot's environment variable mapping skips the empty
 * element between the two underscores, so no extra hook is needed).
 */
@ConfigurationProperties("connectionstrings")
public class ConnectionStringsProperties {

	/**
	 * Kafka bootstrap servers as host:port, several separated by commas (for example
	 * "broker1:9092,broker2:9092"). Setting it switches Momentum Kafka on.
	 * spring.kafka.bootstrap-servers, when set, wins over it.
	 */
	private @Nullable String messaging;

	public @Nullable String getMessaging() {
		return this.messaging;
	}

	public void setMessaging(@Nullable String messaging) {
		this.messaging = messaging;
	}

}
