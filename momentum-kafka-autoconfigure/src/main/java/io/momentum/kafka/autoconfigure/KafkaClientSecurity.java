package io.momentum.kafka.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import io.momentum.kafka.admin.SecretKeys;
import io.momentum.kafka.autoconfigure.KafkaSecurityProperties.SaslMechanism;
import io.momentum.kafka.autoconfigure.KafkaSecurityProperties.SecurityProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The Kafka client properties that {@code Kafka.*} settings stand for ({@code security.protocol},
 * {@code sasl.*}, PEM {@code ssl.*}), checked when created so that bad settings fail at startup
 * with the key's name. Properties come in {@link Group groups} that are applied or left out
 * together, so that an explicit {@code spring.kafka.*} setting of one of them wins over the whole
 * group (a JKS trust store is not combined with our PEM trust store type, for example).
 * <p>
 * {@link #toString()} masks secrets.
 */
public final class KafkaClientSecurity {

	static final String SECURITY_PROTOCOL = "security.protocol";

	static final String SASL_MECHANISM = "sasl.mechanism";

	static final String SASL_JAAS_CONFIG = "sasl.jaas.config";

	static final String SSL_ENDPOINT_IDENTIFICATION_ALGORITHM = "ssl.endpoint.identification.algorithm";

	static final String SSL_TRUSTSTORE_TYPE = "ssl.truststore.type";

	static final String SSL_TRUSTSTORE_LOCATION = "ssl.truststore.location";

	static final String SSL_KEYSTORE_TYPE = "ssl.keystore.type";

	static final String SSL_KEYSTORE_CERTIFICATE_CHAIN = "ssl.keystore.certificate.chain";

	static final String SSL_KEYSTORE_KEY = "ssl.keystore.key";

	static final String SSL_KEY_PASSWORD = "ssl.key.password";

	private static final Set<String> TRUST_STORE_KEYS = Set.of(SSL_TRUSTSTORE_TYPE, SSL_TRUSTSTORE_LOCATION,
			"ssl.truststore.certificates", "ssl.truststore.password");

	private static final Set<String> KEY_STORE_KEYS = Set.of(SSL_KEYSTORE_TYPE, "ssl.keystore.location",
			SSL_KEYSTORE_CERTIFICATE_CHAIN, SSL_KEYSTORE_KEY, "ssl.keystore.password", SSL_KEY_PASSWORD);

	private static final String PROTOCOL_KEY = "Kafka.SecurityProtocol";

	private static final String MECHANISM_KEY = "Kafka.SaslMechanism";

	private static final String USERNAME_KEY = "Kafka.SaslUsername";

	private static final String PASSWORD_KEY = "Kafka.SaslPassword";

	private static final String CA_KEY = "Kafka.SslCaLocation";

	private static final String CERTIFICATE_KEY = "Kafka.SslCertificateLocation";

	private static final String KEY_KEY = "Kafka.SslKeyLocation";

	private static final String KEY_PASSWORD_KEY = "Kafka.SslKeyPassword";

	private static final String PROTOCOLS = "Plaintext, Ssl, SaslPlaintext or SaslSsl";

	private final List<Group> groups;

	private KafkaClientSecurity(List<Group> groups) {
		this.groups = List.copyOf(groups);
	}

	/**
	 * Derive the client properties from {@code Kafka.*} settings.
	 * @param settings the bound {@code Kafka.*} settings
	 * @return the client properties, empty when no setting is given
	 * @throws InvalidKafkaConfigurationException if the settings cannot work: SASL without user
	 * name or password, SASL or TLS settings with a protocol that does not use them, a PEM file
	 * that is missing, unreadable or not PEM, a certificate without its key
	 */
	public static KafkaClientSecurity of(KafkaSecurityProperties settings) {
		SecurityProtocol protocol = settings.getSecurityProtocol();
		checkSettingsFitProtocol(settings, protocol);
		List<Group> groups = new ArrayList<>();
		if (protocol == null) {
			return new KafkaClientSecurity(groups);
		}
		groups.add(Group.of(SECURITY_PROTOCOL, protocol.name()));
		if (protocol.usesSasl()) {
			addSasl(settings, protocol, groups);
		}
		if (protocol.usesTls()) {
			addTls(settings, groups);
		}
		return new KafkaClientSecurity(groups);
	}

	private static void checkSettingsFitProtocol(KafkaSecurityProperties settings,
			@Nullable SecurityProtocol protocol) {
		String saslKey = firstSet(MECHANISM_KEY, settings.getSaslMechanism(), USERNAME_KEY, settings.getSaslUsername(),
				PASSWORD_KEY, settings.getSaslPassword());
		if (saslKey != null && (protocol == null || !protocol.usesSasl())) {
			throw new InvalidKafkaConfigurationException(PROTOCOL_KEY,
					saslKey + " is set but " + describe(protocol) + ", which does not use SASL",
					"Set " + PROTOCOL_KEY + " to SaslSsl (or SaslPlaintext), or remove the Kafka.Sasl* settings");
		}
		String tlsKey = firstSet(CA_KEY, settings.getSslCaLocation(), CERTIFICATE_KEY,
				settings.getSslCertificateLocation(), KEY_KEY, settings.getSslKeyLocation(), KEY_PASSWORD_KEY,
				settings.getSslKeyPassword());
		if (tlsKey != null && (protocol == null || !protocol.usesTls())) {
			throw new InvalidKafkaConfigurationException(PROTOCOL_KEY,
					tlsKey + " is set but " + describe(protocol) + ", which does not use TLS",
					"Set " + PROTOCOL_KEY + " to Ssl or SaslSsl, or remove the Kafka.Ssl* settings");
		}
	}

	private static void addSasl(KafkaSecurityProperties settings, SecurityProtocol protocol, List<Group> groups) {
		SaslMechanism mechanism = (settings.getSaslMechanism() != null) ? settings.getSaslMechanism()
				: SaslMechanism.PLAIN;
		groups.add(Group.of(SASL_MECHANISM, mechanism.kafkaName()));
		String loginModule = mechanism.loginModule();
		if (loginModule == null) {
			return;
		}
		String username = settings.getSaslUsername();
		String password = settings.getSaslPassword();
		String context = "it is required when " + PROTOCOL_KEY + " is " + protocol.name() + " and " + MECHANISM_KEY
				+ " is " + mechanism.kafkaName();
		String action = "Set " + USERNAME_KEY + " and " + PASSWORD_KEY + " to the credentials of the Kafka user";
		if (!StringUtils.hasText(username)) {
			throw new InvalidKafkaConfigurationException(USERNAME_KEY, context, action);
		}
		if (!StringUtils.hasLength(password)) {
			throw new InvalidKafkaConfigurationException(PASSWORD_KEY, context, action);
		}
		groups.add(Group.of(SASL_JAAS_CONFIG, JaasConfig.loginModule(loginModule, username, password)));
	}

	private static void addTls(KafkaSecurityProperties settings, List<Group> groups) {
		groups.add(Group.of(SSL_ENDPOINT_IDENTIFICATION_ALGORITHM,
				settings.getSslEndpointIdentificationAlgorithm().kafkaValue()));
		String ca = settings.getSslCaLocation();
		if (StringUtils.hasText(ca)) {
			PemFiles.readCertificates(CA_KEY, ca, "Set " + CA_KEY
					+ " to a readable PEM file with the certificate of the authority that signed the brokers' certificates");
			Map<String, String> trustStore = new LinkedHashMap<>();
			trustStore.put(SSL_TRUSTSTORE_TYPE, "PEM");
			trustStore.put(SSL_TRUSTSTORE_LOCATION, Path.of(ca).toAbsolutePath().normalize().toString());
			groups.add(new Group(TRUST_STORE_KEYS, trustStore));
		}
		String certificate = settings.getSslCertificateLocation();
		String key = settings.getSslKeyLocation();
		String keyPassword = settings.getSslKeyPassword();
		if (!StringUtils.hasText(certificate) && !StringUtils.hasText(key)) {
			if (keyPassword != null) {
				throw new InvalidKafkaConfigurationException(KEY_PASSWORD_KEY, "it is set but " + KEY_KEY + " is not",
						"Set " + KEY_KEY + " and " + CERTIFICATE_KEY + " for mutual TLS, or remove "
								+ KEY_PASSWORD_KEY);
			}
			return;
		}
		String mutualTls = "Mutual TLS needs both " + CERTIFICATE_KEY + " and " + KEY_KEY;
		if (!StringUtils.hasText(certificate)) {
			throw new InvalidKafkaConfigurationException(CERTIFICATE_KEY, "it is not set but " + KEY_KEY + " is",
					mutualTls + ": set " + CERTIFICATE_KEY + " to the client's PEM certificate");
		}
		if (!StringUtils.hasText(key)) {
			throw new InvalidKafkaConfigurationException(KEY_KEY, "it is not set but " + CERTIFICATE_KEY + " is",
					mutualTls + ": set " + KEY_KEY + " to the client's PEM private key");
		}
		Map<String, String> keyStore = new LinkedHashMap<>();
		keyStore.put(SSL_KEYSTORE_TYPE, "PEM");
		keyStore.put(SSL_KEYSTORE_CERTIFICATE_CHAIN, PemFiles.readCertificates(CERTIFICATE_KEY, certificate,
				"Set " + CERTIFICATE_KEY + " to a readable PEM file with the client's certificate (chain)"));
		keyStore.put(SSL_KEYSTORE_KEY, PemFiles.readPrivateKey(KEY_KEY, key, KEY_PASSWORD_KEY, keyPassword,
				"Set " + KEY_KEY + " to a readable PEM file with the client's PKCS#8 private key"));
		if (keyPassword != null) {
			keyStore.put(SSL_KEY_PASSWORD, keyPassword);
		}
		groups.add(new Group(KEY_STORE_KEYS, keyStore));
	}

	private static @Nullable String firstSet(Object... keysAndValues) {
		for (int i = 0; i < keysAndValues.length; i += 2) {
			Object value = keysAndValues[i + 1];
			if (value != null && !(value instanceof String text && text.isEmpty())) {
				return (String) keysAndValues[i];
			}
		}
		return null;
	}

	private static String describe(@Nullable SecurityProtocol protocol) {
		return (protocol != null) ? PROTOCOL_KEY + " is " + protocol.name()
				: PROTOCOL_KEY + " is not set (" + PROTOCOLS + ")";
	}

	/**
	 * All client properties, in a stable order.
	 * @return an unmodifiable map of Kafka client property names to values
	 */
	public Map<String, String> clientProperties() {
		Map<String, String> properties = new LinkedHashMap<>();
		this.groups.forEach((group) -> properties.putAll(group.properties()));
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * The client properties in groups that are applied or left out together.
	 * @return the groups
	 */
	public List<Group> groups() {
		return this.groups;
	}

	/**
	 * Whether no {@code Kafka.*} setting asks for a client property.
	 * @return {@code true} when there is nothing to apply
	 */
	public boolean isEmpty() {
		return this.groups.isEmpty();
	}

	@Override
	public String toString() {
		StringJoiner joiner = new StringJoiner(", ", "KafkaClientSecurity{", "}");
		clientProperties().forEach((key, value) -> joiner.add(key + "=" + (SecretKeys.isSecret(key) ? "******"
				: (key.equals(SSL_KEYSTORE_CERTIFICATE_CHAIN) ? "<PEM>" : value))));
		return joiner.toString();
	}

	/**
	 * Client properties that are applied or left out together.
	 *
	 * @param ownedKeys client property names that, when set explicitly, mean the user
	 * configured this concern and the group is left out
	 * @param properties the client properties to apply
	 */
	public record Group(Set<String> ownedKeys, Map<String, String> properties) {

		/**
		 * Create a new instance.
		 * @param ownedKeys client property names whose explicit presence wins over the group
		 * @param properties the client properties to apply
		 */
		public Group {
			ownedKeys = Set.copyOf(ownedKeys);
			properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
		}

		static Group of(String key, String value) {
			return new Group(Set.of(key), Map.of(key, value));
		}

		@Override
		public String toString() {
			return "Group" + this.ownedKeys;
		}

	}

}
