package io.momentum.kafka.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * {@link KafkaConnectionDetails} whose bootstrap servers come from
 * {@code ConnectionStrings.Messaging}, so that every client Spring Boot builds (templates,
 * listener containers, {@code KafkaAdmin}, Kafka Streams) connects there.
 * <p>
 * Explicit Spring Boot settings win, in Spring Boot's own order: a client's
 * {@code spring.kafka.<client>.bootstrap-servers}, then {@code spring.kafka.bootstrap-servers},
 * then the connection string. Security protocol and SSL bundle are resolved exactly as Spring
 * Boot does from {@code spring.kafka.*}; {@code Kafka.*} security settings reach the clients as
 * client properties instead (see {@link KafkaClientSecurity}).
 */
public class MomentumKafkaConnectionDetails implements KafkaConnectionDetails {

	private final BootstrapServers connectionString;

	private final KafkaProperties properties;

	private final boolean springBootstrapServersSet;

	private final @Nullable SslBundles sslBundles;

	/**
	 * Create a new instance.
	 * @param connectionString the parsed {@code ConnectionStrings.Messaging}
	 * @param properties Spring Boot's Kafka properties
	 * @param springBootstrapServersSet whether {@code spring.kafka.bootstrap-servers} is set
	 * explicitly (Spring Boot's default of {@code localhost:9092} does not count)
	 * @param sslBundles the SSL bundles, needed when {@code spring.kafka.ssl.bundle} is set
	 */
	public MomentumKafkaConnectionDetails(BootstrapServers connectionString, KafkaProperties properties,
			boolean springBootstrapServersSet, @Nullable SslBundles sslBundles) {
		this.connectionString = connectionString;
		this.properties = properties;
		this.springBootstrapServersSet = springBootstrapServersSet;
		this.sslBundles = sslBundles;
	}

	@Override
	public List<String> getBootstrapServers() {
		return this.springBootstrapServersSet ? this.properties.getBootstrapServers()
				: this.connectionString.servers();
	}

	@Override
	public Configuration getConsumer() {
		KafkaProperties.Consumer consumer = this.properties.getConsumer();
		return configuration(consumer.getBootstrapServers(), consumer.getSsl(), consumer.getSecurity());
	}

	@Override
	public Configuration getProducer() {
		KafkaProperties.Producer producer = this.properties.getProducer();
		return configuration(producer.getBootstrapServers(), producer.getSsl(), producer.getSecurity());
	}

	@Override
	public Configuration getStreams() {
		KafkaProperties.Streams streams = this.properties.getStreams();
		return configuration(streams.getBootstrapServers(), streams.getSsl(), streams.getSecurity());
	}

	@Override
	public Configuration getAdmin() {
		KafkaProperties.Admin admin = this.properties.getAdmin();
		return configuration(null, admin.getSsl(), admin.getSecurity());
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		return bundle(this.properties.getSsl());
	}

	@Override
	public @Nullable String getSecurityProtocol() {
		return this.properties.getSecurity().getProtocol();
	}

	private Configuration configuration(@Nullable List<String> servers, KafkaProperties.Ssl ssl,
			KafkaProperties.Security security) {
		SslBundle sslBundle = bundle(ssl);
		String protocol = security.getProtocol();
		return Configuration.of((servers != null) ? servers : getBootstrapServers(),
				(sslBundle != null) ? sslBundle : getSslBundle(),
				StringUtils.hasLength(protocol) ? protocol : getSecurityProtocol());
	}

	private @Nullable SslBundle bundle(KafkaProperties.Ssl ssl) {
		String name = ssl.getBundle();
		if (!StringUtils.hasLength(name)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new IllegalStateException("spring.kafka.ssl.bundle is set to '" + name
					+ "' but no SSL bundles are available; configure spring.ssl.bundle.*");
		}
		return this.sslBundles.getBundle(name);
	}

	@Override
	public String toString() {
		return "MomentumKafkaConnectionDetails{bootstrapServers=" + getBootstrapServers() + "}";
	}

}
