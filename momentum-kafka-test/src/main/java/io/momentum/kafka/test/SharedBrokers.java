package io.momentum.kafka.test;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The brokers shared by all test contexts of a JVM, started on first use and ended with the JVM.
 */
final class SharedBrokers {

	/** The system property the in-JVM broker sets to its bootstrap servers. */
	static final String IN_JVM_BOOTSTRAP_SERVERS_PROPERTY = "momentum.kafka.test.in-jvm.bootstrap-servers";

	private static @Nullable Boolean dockerAvailable;

	private static @Nullable Duration dockerProbe;

	private static @Nullable String testcontainersBootstrapServers;

	private static @Nullable EmbeddedKafkaKraftBroker inJvm;

	private SharedBrokers() {
	}

	static synchronized boolean dockerAvailable() {
		Boolean available = dockerAvailable;
		if (available == null) {
			long started = System.nanoTime();
			available = TestcontainersKafka.dockerAvailable();
			dockerProbe = Duration.ofNanos(System.nanoTime() - started);
			dockerAvailable = available;
		}
		return available;
	}

	/**
	 * How long this JVM's one Docker probe took.
	 * @return the duration, {@code null} before the probe
	 */
	static synchronized @Nullable Duration dockerProbeDuration() {
		return dockerProbe;
	}

	static synchronized String testcontainersBootstrapServers() {
		String bootstrapServers = testcontainersBootstrapServers;
		if (bootstrapServers == null) {
			bootstrapServers = TestcontainersKafka.start(System.getProperty(TestKafkaBrokers.IMAGE_PROPERTY));
			testcontainersBootstrapServers = bootstrapServers;
		}
		return bootstrapServers;
	}

	static synchronized String inJvmBootstrapServers() {
		EmbeddedKafkaKraftBroker broker = inJvm;
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 1);
			broker.brokerProperties(Map.of("offsets.topic.num.partitions", "5", "group.initial.rebalance.delay.ms", "0"));
			// By default it sets the system property spring.kafka.bootstrap-servers, which outranks application
			// configuration and would hide whether ConnectionStrings.Messaging reaches Spring Boot: name another.
			broker.brokerListProperty(IN_JVM_BOOTSTRAP_SERVERS_PROPERTY);
			broker.afterPropertiesSet();
			// Not destroyed in a shutdown hook: that would run beside the hooks that close cached test contexts,
			// whose consumers would then wait for a vanishing broker. The JVM's exit ends its threads.
			inJvm = broker;
		}
		return broker.getBrokersAsString();
	}

}
