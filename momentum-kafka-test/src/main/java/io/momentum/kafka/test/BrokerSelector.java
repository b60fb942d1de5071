package io.momentum.kafka.test;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selection rule of {@link TestKafkaBrokers}, with its inputs passed in so that each branch can be tested
 * without changing the process environment or needing Docker.
 */
final class BrokerSelector {

	private static final Logger logger = LoggerFactory.getLogger(BrokerSelector.class);

	private final Function<String, @Nullable String> systemProperties;

	private final Function<String, @Nullable String> environment;

	private final boolean testcontainersPresent;

	private final BooleanSupplier dockerAvailable;

	private final Supplier<String> testcontainersBroker;

	private final Supplier<String> inJvmBroker;

	private @Nullable String lastDescription;

	BrokerSelector(Function<String, @Nullable String> systemProperties, Function<String, @Nullable String> environment,
			boolean testcontainersPresent, BooleanSupplier dockerAvailable, Supplier<String> testcontainersBroker,
			Supplier<String> inJvmBroker) {
		this.systemProperties = systemProperties;
		this.environment = environment;
		this.testcontainersPresent = testcontainersPresent;
		this.dockerAvailable = dockerAvailable;
		this.testcontainersBroker = testcontainersBroker;
		this.inJvmBroker = inJvmBroker;
	}

	synchronized TestKafkaBroker select() {
		TestKafkaBroker broker = choose();
		if (!broker.description().equals(this.lastDescription)) {
			logger.info("Kafka for tests: {} at {}", broker.description(), broker.bootstrapServers());
			this.lastDescription = broker.description();
		}
		return broker;
	}

	/**
	 * The external broker, if one is named; cheap, nothing is started.
	 * @return the external broker or {@code null}
	 */
	@Nullable TestKafkaBroker external() {
		String external = trimmed(this.systemProperties.apply(TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY));
		if (external != null) {
			return new TestKafkaBroker(TestKafkaBroker.Kind.EXTERNAL, external,
					"external broker from system property " + TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY);
		}
		external = trimmed(this.environment.apply(TestKafkaBrokers.BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE));
		if (external != null) {
			return new TestKafkaBroker(TestKafkaBroker.Kind.EXTERNAL, external,
					"external broker from environment variable "
							+ TestKafkaBrokers.BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE);
		}
		return null;
	}

	private TestKafkaBroker choose() {
		TestKafkaBroker external = external();
		if (external != null) {
			return external;
		}
		String testcontainersSkipped;
		if (!this.testcontainersPresent) {
			testcontainersSkipped = "Testcontainers Kafka is not on the class path";
		}
		else if (!this.dockerAvailable.getAsBoolean()) {
			testcontainersSkipped = "Testcontainers is present but Docker is not available";
		}
		else {
			return new TestKafkaBroker(TestKafkaBroker.Kind.TESTCONTAINERS, this.testcontainersBroker.get(),
					"Testcontainers Kafka container (Docker is available)");
		}
		return new TestKafkaBroker(TestKafkaBroker.Kind.IN_JVM, this.inJvmBroker.get(),
				"in-JVM KRaft broker (" + testcontainersSkipped + ")");
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
