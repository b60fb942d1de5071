package io.momentum.kafka.test;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Chooses the Kafka broker for tests, the one {@link MomentumKafkaTest} uses; call {@link #obtain()} directly in a
 * test without Spring.
 * <p>
 * In this order:
 * <ol>
 * <li><b>External</b>: the system property {@value #BOOTSTRAP_SERVERS_PROPERTY}, else the environment variable
 * {@value #BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE} (as with Spring, a system property wins over the environment).
 * Point CI or a local run at a real cluster this way. The tests create their topics there, under their own
 * environment segment.</li>
 * <li><b>Testcontainers</b>: when {@code org.testcontainers:testcontainers-kafka} is on the test class path and
 * {@code DockerClientFactory.isDockerAvailable()} says a Docker engine answers, one {@code apache/kafka} container
 * (the image tag is the kafka-clients version; the system property {@value #IMAGE_PROPERTY} overrides the image)
 * shared by the JVM.</li>
 * <li><b>In-JVM</b>: otherwise one {@code EmbeddedKafkaKraftBroker} shared by the JVM, on a random port.</li>
 * </ol>
 * The shared container or in-JVM broker starts on first use and ends with the JVM (Testcontainers removes its
 * container; the in-JVM broker is not shut down first, so cached test contexts close without waiting for it).
 */
public final class TestKafkaBrokers {

	/** System property naming an external broker's bootstrap servers. */
	public static final String BOOTSTRAP_SERVERS_PROPERTY = "momentum.kafka.test.bootstrap-servers";

	/** Environment variable naming an external broker's bootstrap servers. */
	public static final String BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE = "MOMENTUM_KAFKA_BOOTSTRAP_SERVERS";

	/** System property overriding the Testcontainers Kafka image, for example {@code apache/kafka:4.1.2}. */
	public static final String IMAGE_PROPERTY = "momentum.kafka.test.image";

	private static final BrokerSelector selector = new BrokerSelector(System::getProperty, System::getenv,
			testcontainersPresent(), SharedBrokers::dockerAvailable, SharedBrokers::testcontainersBootstrapServers,
			SharedBrokers::inJvmBootstrapServers);

	private TestKafkaBrokers() {
	}

	/**
	 * The broker for the next test context, started if it is a shared broker that is not running yet.
	 * @return the broker
	 */
	public static TestKafkaBroker obtain() {
		return selector.select();
	}

	/**
	 * The external broker named by {@value #BOOTSTRAP_SERVERS_PROPERTY} or
	 * {@value #BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE}, without starting anything.
	 * @return the external broker or {@code null} when none is named
	 */
	static @Nullable TestKafkaBroker external() {
		return selector.external();
	}

	private static boolean testcontainersPresent() {
		ClassLoader classLoader = TestKafkaBrokers.class.getClassLoader();
		return ClassUtils.isPresent("org.testcontainers.DockerClientFactory", classLoader)
				&& ClassUtils.isPresent("org.testcontainers.kafka.KafkaContainer", classLoader);
	}

}
