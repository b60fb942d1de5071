package io.momentum.kafka.test;

import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka broker a test uses: a bean in every {@link MomentumKafkaTest} context.
 *
 * @param kind where the broker comes from
 * @param bootstrapServers the bootstrap servers, {@code host:port[,host:port...]}, as set in
 * {@code ConnectionStrings.Messaging}
 * @param description why this broker was chosen, for test logs (for example why Testcontainers was skipped)
 */
public record TestKafkaBroker(Kind kind, String bootstrapServers, String description) {

	public TestKafkaBroker {
		if (bootstrapServers.isBlank()) {
			throw new IllegalArgumentException("A test broker needs bootstrap servers");
		}
	}

	/**
	 * Properties for a plain kafka-clients producer, consumer or admin client on this broker: only
	 * {@code bootstrap.servers}, so a test can read what the application wrote without going through it.
	 * @return the client properties
	 */
	public Map<String, Object> clientProperties() {
		return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
	}

	/**
	 * Where a test broker comes from, in the order they are tried.
	 */
	public enum Kind {

		/** Named by {@value TestKafkaBrokers#BOOTSTRAP_SERVERS_PROPERTY} or its environment variable. */
		EXTERNAL,

		/** A Testcontainers {@code apache/kafka} container. */
		TESTCONTAINERS,

		/** A KRaft broker inside the test JVM. */
		IN_JVM

	}

}
