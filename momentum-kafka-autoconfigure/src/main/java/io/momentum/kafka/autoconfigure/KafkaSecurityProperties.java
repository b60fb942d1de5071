package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Momentum's {@code Kafka} section: how the Kafka clients authenticate and encrypt. Binds the
 * seed's PascalCase keys ({@code Kafka.SecurityProtocol: SaslSsl}) as well as kebab-case
 * ({@code kafka.security-protocol: sasl-ssl}) and environment variables
 * ({@code KAFKA_SECURITYPROTOCOL}, {@code Kafka__SecurityProtocol}). Values are
 * case-insensitive, and {@code SASL_SSL}-style names are accepted too.
 * <p>
 * The settings become client properties of every producer, consumer and admin client built
 * from {@code spring.kafka.*}; explicit {@code spring.kafka.*} settings win.
 */
@ConfigurationProperties("kafka")
public class KafkaSecurityProperties {

	/**
	 * Security protocol of the connection to the brokers: Plaintext, Ssl, SaslPlaintext or
	 * SaslSsl. Unset leaves Kafka's default (plaintext).
	 */
	private @Nullable SecurityProtocol securityProtocol;

	/**
	 * SASL mechanism when the security protocol is SaslPlaintext or SaslSsl: Plain (the
	 * default), ScramSha256, ScramSha512, or OAuthBearer and Gssapi, which are passed to Kafka
	 * as they are and need their login settings in spring.kafka.properties.*.
	 */
	private @Nullable SaslMechanism saslMechanism;

	/**
	 * SASL user name for the Plain and Scram mechanisms.
	 */
	private @Nullable String saslUsername;

	/**
	 * SASL password for the Plain and Scram mechanisms. Never logged and masked by the
	 * actuator endpoints.
	 */
	private @Nullable String saslPassword;

	/**
	 * Path of a PEM file with the certificate(s) of the authority that signed the brokers'
	 * certificates. Unset trusts the JVM's default trust store.
	 */
	private @Nullable String sslCaLocation;

	/**
	 * Path of the client's PEM certificate (chain) for mutual TLS. Needs ssl-key-location.
	 */
	private @Nullable String sslCertificateLocation;

	/**
	 * Path of the client's PEM private key (PKCS#8, "BEGIN PRIVATE KEY" or "BEGIN ENCRYPTED
	 * PRIVATE KEY") for mutual TLS. Needs ssl-certificate-location.
	 */
	private @Nullable String sslKeyLocation;

	/**
	 * Password of an encrypted ssl-key-location. Never logged and masked by the actuator
	 * endpoints.
	 */
	private @Nullable String sslKeyPassword;

	/**
	 * Whether the client checks that the broker's certificate matches its host name: "https"
	 * checks, "none" does not.
	 */
	private EndpointIdentificationAlgorithm sslEndpointIdentificationAlgorithm = EndpointIdentificationAlgorithm.HTTPS;

	public @Nullable SecurityProtocol getSecurityProtocol() {
		return this.securityProtocol;
	}

	public void setSecurityProtocol(@Nullable SecurityProtocol securityProtocol) {
		this.securityProtocol = securityProtocol;
	}

	public @Nullable SaslMechanism getSaslMechanism() {
		return this.saslMechanism;
	}

	public void setSaslMechanism(@Nullable SaslMechanism saslMechanism) {
		this.saslMechanism = saslMechanism;
	}

	public @Nullable String getSaslUsername() {
		return this.saslUsername;
	}

	public void setSaslUsername(@Nullable String saslUsername) {
		this.saslUsername = saslUsername;
	}

	public @Nullable String getSaslPassword() {
		return this.saslPassword;
	}

	public void setSaslPassword(@Nullable String saslPassword) {
		this.saslPassword = saslPassword;
	}

	public @Nullable String getSslCaLocation() {
		return this.sslCaLocation;
	}

	public void setSslCaLocation(@Nullable String sslCaLocation) {
		this.sslCaLocation = sslCaLocation;
	}

	public @Nullable String getSslCertificateLocation() {
		return this.sslCertificateLocation;
	}

	public void setSslCertificateLocation(@Nullable String sslCertificateLocation) {
		this.sslCertificateLocation = sslCertificateLocation;
	}

	public @Nullable String getSslKeyLocation() {
		return this.sslKeyLocation;
	}

	public void setSslKeyLocation(@Nullable String sslKeyLocation) {
		this.sslKeyLocation = sslKeyLocation;
	}

	public @Nullable String getSslKeyPassword() {
		return this.sslKeyPassword;
	}

	public void setSslKeyPassword(@Nullable String sslKeyPassword) {
		this.sslKeyPassword = sslKeyPassword;
	}

	public EndpointIdentificationAlgorithm getSslEndpointIdentificationAlgorithm() {
		return this.sslEndpointIdentificationAlgorithm;
	}

	public void setSslEndpointIdentificationAlgorithm(
			EndpointIdentificationAlgorithm sslEndpointIdentificationAlgorithm) {
		this.sslEndpointIdentificationAlgorithm = sslEndpointIdentificationAlgorithm;
	}

	/**
	 * Kafka security protocols ({@code security.protocol}).
	 */
	public enum SecurityProtocol {

		/** No encryption, no authentication. */
		PLAINTEXT(false, false),

		/** TLS encryption. */
		SSL(true, false),

		/** SASL authentication without encryption. */
		SASL_PLAINTEXT(false, true),

		/** SASL authentication over TLS. */
		SASL_SSL(true, true);

		private final boolean tls;

		private final boolean sasl;

		SecurityProtocol(boolean tls, boolean sasl) {
			this.tls = tls;
			this.sasl = sasl;
		}

		/**
		 * Whether the connection is encrypted with TLS.
		 * @return {@code true} for SSL and SASL_SSL
		 */
		public boolean usesTls() {
			return this.tls;
		}

		/**
		 * Whether the client authenticates with SASL.
		 * @return {@code true} for SASL_PLAINTEXT and SASL_SSL
		 */
		public boolean usesSasl() {
			return this.sasl;
		}

	}

	/**
	 * SASL mechanisms ({@code sasl.mechanism}).
	 */
	public enum SaslMechanism {

		/** Plain user name and password. */
		PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule"),

		/** SCRAM with SHA-256. */
		SCRAM_SHA_256("SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule"),

		/** SCRAM with SHA-512. */
		SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule"),

		/** OAuth 2 bearer tokens; login settings come from spring.kafka.properties.*. */
		OAUTHBEARER("OAUTHBEARER", null),

		/** Kerberos; login settings come from spring.kafka.properties.* or spring.kafka.jaas.*. */
		GSSAPI("GSSAPI", null);

		private final String kafkaName;

		private final @Nullable String loginModule;

		SaslMechanism(String kafkaName, @Nullable String loginModule) {
			this.kafkaName = kafkaName;
			this.loginModule = loginModule;
		}

		/**
		 * The name Kafka uses in {@code sasl.mechanism}.
		 * @return for example {@code SCRAM-SHA-512}
		 */
		public String kafkaName() {
			return this.kafkaName;
		}

		/**
		 * The JAAS login module that takes a user name and password, if the mechanism uses
		 * them.
		 * @return the login module class name, or {@code null} when the mechanism's login is
		 * configured elsewhere
		 */
		public @Nullable String loginModule() {
			return this.loginModule;
		}

	}

	/**
	 * Values of {@code ssl.endpoint.identification.algorithm}.
	 */
	public enum EndpointIdentificationAlgorithm {

		/** The broker's certificate must match its host name. */
		HTTPS("https"),

		/** No host name check. */
		NONE("");

		private final String kafkaValue;

		EndpointIdentificationAlgorithm(String kafkaValue) {
			this.kafkaValue = kafkaValue;
		}

		/**
		 * The value Kafka expects.
		 * @return {@code "https"}, or the empty string for no check
		 */
		public String kafkaValue() {
			return this.kafkaValue;
		}

	}

}
