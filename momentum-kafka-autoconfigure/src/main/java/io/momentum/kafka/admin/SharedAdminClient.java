package io.momentum.kafka.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One Kafka {@link Admin} client shared by the health indicator and the consumer-lag meters for
 * the application's life. Opening an admin client per check is what made Spring Boot drop its own
 * Kafka health indicator: this one is created on first use (never at startup, so an unreachable
 * cluster does not stop the application), replaced when it became unusable (creation failed,
 * authentication failed, or it was closed), and closed with the application context.
 * <p>
 * Thread-safe. Callers bound every request they make with its own timeout; this class never
 * waits for the cluster.
 */
public final class SharedAdminClient implements AutoCloseable {

	/** Suffix of the {@code client.id} of the shared admin client. */
	public static final String CLIENT_ID_SUFFIX = "momentum-monitor";

	private static final Log logger = LogFactory.getLog(SharedAdminClient.class);

	private static final String MASK = "******";

	private static final Pattern PASSWORD_ASSIGNMENT = Pattern
		.compile("(?i)(password\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;]+)");

	/** Secrets shorter than this are only masked where they follow "password=". */
	private static final int MIN_LITERAL_SECRET_LENGTH = 4;

	private final Supplier<Map<String, Object>> configuration;

	private final Function<Map<String, Object>, Admin> factory;

	private final Object monitor = new Object();

	private @Nullable Admin admin;

	private boolean closed;

	/**
	 * Create a shared admin client built with {@link Admin#create(Map)}.
	 * @param configuration the admin configuration, read each time a client is created (usually
	 * {@code KafkaAdmin::getConfigurationProperties})
	 */
	public SharedAdminClient(Supplier<Map<String, Object>> configuration) {
		this(configuration, Admin::create);
	}

	/**
	 * Create a shared admin client built by the given factory.
	 * @param configuration the admin configuration, read each time a client is created
	 * @param factory creates an admin client from a configuration
	 */
	public SharedAdminClient(Supplier<Map<String, Object>> configuration, Function<Map<String, Object>, Admin> factory) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(factory, "'factory' must not be null");
		this.configuration = configuration;
		this.factory = factory;
	}

	/**
	 * The admin client, created on first use.
	 * @return the admin client
	 * @throws IllegalStateException when this shared client was closed
	 * @throws org.apache.kafka.common.KafkaException when the client cannot be created (for
	 * example no resolvable bootstrap server); the next call tries again
	 */
	public Admin get() {
		synchronized (this.monitor) {
			Assert.state(!this.closed, "The shared Kafka admin client is closed");
			Admin current = this.admin;
			if (current == null) {
				logger.debug("Creating the shared Kafka admin client");
				current = this.factory.apply(clientConfiguration());
				this.admin = current;
			}
			return current;
		}
	}

	/**
	 * Drop the given admin client if it is still the current one, so that the next
	 * {@link #get()} creates a fresh client (which re-reads credentials). Closing happens on
	 * another thread: this method may be called from the admin client's own callbacks.
	 * @param unusable the client that failed
	 */
	public void invalidate(Admin unusable) {
		synchronized (this.monitor) {
			if (this.admin != unusable) {
				return;
			}
			this.admin = null;
		}
		logger.debug("Replacing the shared Kafka admin client");
		Thread closer = new Thread(() -> closeQuietly(unusable), "momentum-kafka-admin-close");
		closer.setDaemon(true);
		closer.start();
	}

	/**
	 * The bootstrap servers the client connects to, for messages.
	 * @return the {@code bootstrap.servers} setting, or {@code "(not set)"}
	 */
	public String bootstrapServers() {
		Object servers = this.configuration.get().get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
		if (servers instanceof Iterable<?> list) {
			return String.join(",", toStrings(list));
		}
		return (servers != null) ? servers.toString() : "(not set)";
	}

	/**
	 * The security protocol the client uses, for messages.
	 * @return the {@code security.protocol} setting, {@code PLAINTEXT} by default
	 */
	public String securityProtocol() {
		Object protocol = this.configuration.get().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
		return (protocol != null) ? protocol.toString().toUpperCase(Locale.ROOT)
				: CommonClientConfigs.DEFAULT_SECURITY_PROTOCOL;
	}

	/**
	 * The SASL mechanism the client uses, for messages. Never the credentials.
	 * @return the {@code sasl.mechanism} setting, {@code GSSAPI} by default
	 */
	public String saslMechanism() {
		Object mechanism = this.configuration.get().get(SaslConfigs.SASL_MECHANISM);
		return (mechanism != null) ? mechanism.toString() : SaslConfigs.DEFAULT_SASL_MECHANISM;
	}

	/**
	 * Mask every credential of the client configuration that a message may contain: values of
	 * settings whose name contains "password", the JAAS configuration and its {@code password=}
	 * entries, and the private key of a PEM key store.
	 * @param message a message that may contain a credential, for example an exception message
	 * @return the message with credentials replaced by {@code ******}
	 */
	public String redact(String message) {
		String redacted = PASSWORD_ASSIGNMENT.matcher(message).replaceAll("$1" + MASK);
		for (String secret : secrets(this.configuration.get())) {
			redacted = redacted.replace(secret, MASK);
		}
		return redacted;
	}

	/**
	 * Close the current admin client, if any. Pending requests are aborted after one second at
	 * most so that shutdown never waits for an unreachable cluster.
	 */
	@Override
	public void close() {
		Admin current;
		synchronized (this.monitor) {
			this.closed = true;
			current = this.admin;
			this.admin = null;
		}
		if (current != null) {
			closeQuietly(current);
		}
	}

	private Map<String, Object> clientConfiguration() {
		Map<String, Object> config = new HashMap<>(this.configuration.get());
		Object clientId = config.get(CommonClientConfigs.CLIENT_ID_CONFIG);
		// A distinct client id keeps the JMX registration apart from KafkaAdmin's own clients.
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG,
				(clientId != null && !clientId.toString().isBlank()) ? clientId + "-" + CLIENT_ID_SUFFIX
						: CLIENT_ID_SUFFIX);
		return config;
	}

	private static Set<String> secrets(Map<String, Object> config) {
		// Longest first, so that a secret containing another one is masked whole.
		Set<String> secrets = new TreeSet<>((a, b) -> (a.length() != b.length()) ? b.length() - a.length()
				: a.compareTo(b));
		config.forEach((key, value) -> {
			boolean secret = SecretKeys.isSecret(key) || value instanceof Password;
			if (!secret || value == null) {
				return;
			}
			String text = (value instanceof Password password) ? password.value() : value.toString();
			addSecret(secrets, text);
			Matcher inJaas = PASSWORD_ASSIGNMENT.matcher(text);
			while (inJaas.find()) {
				addSecret(secrets, inJaas.group(2).replaceAll("^[\"']|[\"']$", ""));
			}
		});
		return secrets;
	}

	private static void addSecret(Set<String> secrets, @Nullable String secret) {
		if (secret != null && secret.length() >= MIN_LITERAL_SECRET_LENGTH) {
			secrets.add(secret);
		}
	}

	private static List<String> toStrings(Iterable<?> values) {
		List<String> strings = new ArrayList<>();
		values.forEach((value) -> strings.add(String.valueOf(value)));
		return strings;
	}

	private static void closeQuietly(Admin admin) {
		try {
			admin.close(Duration.ofSeconds(1));
		}
		catch (RuntimeException ex) {
			logger.debug("Failed to close the shared Kafka admin client", ex);
		}
	}

}
