package io.momentum.kafka.test.broker;

import io.momentum.kafka.test.TestKafkaBrokers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension that starts a {@link KafkaBrokerProcess} before the test class and names it as the external broker
 * through the system property {@value TestKafkaBrokers#BOOTSTRAP_SERVERS_PROPERTY}; after the class it clears the
 * property and stops the broker.
 * <p>
 * Declare {@code @ExtendWith(ExternalBrokerProcess.class)} before {@code @SpringBootTest}: JUnit registers extensions
 * in declaration order and runs {@code afterAll} callbacks in reverse, so the broker is named before Spring prepares
 * the test context and stopped only after Spring closed it.
 */
public final class ExternalBrokerProcess implements BeforeAllCallback, AfterAllCallback {

	private static @Nullable KafkaBrokerProcess process;

	/**
	 * The broker started for the running test class.
	 * @return the broker process
	 * @throws IllegalStateException if no test class extended with {@code ExternalBrokerProcess} is running
	 */
	public static KafkaBrokerProcess process() {
		KafkaBrokerProcess current = process;
		if (current == null) {
			throw new IllegalStateException(
					"No external broker is running: annotate the test class with @ExtendWith(ExternalBrokerProcess.class)");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		KafkaBrokerProcess started = KafkaBrokerProcess.builder().build();
		process = started;
		started.start();
		System.setProperty(TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY, started.bootstrapServers());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		System.clearProperty(TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY);
		KafkaBrokerProcess started = process;
		process = null;
		if (started != null) {
			started.close();
		}
	}

}
