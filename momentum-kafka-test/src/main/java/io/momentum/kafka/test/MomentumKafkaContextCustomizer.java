package io.momentum.kafka.test;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points one test context at the test broker and, when isolated, gives it its own names. A record: customizers
 * with the same settings are equal, so Spring's context cache shares such contexts (and their names) between test
 * classes, while naming another external broker makes a new context.
 *
 * @param isolated whether the context gets its own topic environment segment and consumer group
 * @param external the external broker named when the test class was prepared, {@code null} for a shared
 * Testcontainers or in-JVM broker chosen when the context starts
 */
record MomentumKafkaContextCustomizer(boolean isolated, @Nullable TestKafkaBroker external) implements ContextCustomizer {

	/** The name of the {@link TestKafkaBroker} bean. */
	static final String BROKER_BEAN_NAME = "momentumTestKafkaBroker";

	/** The name of the property source this customizer adds, ahead of all others. */
	static final String PROPERTY_SOURCE_NAME = "momentumKafkaTest";

	private static final SecureRandom random = new SecureRandom();

	private static final char[] NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		TestKafkaBroker broker = (this.external != null) ? this.external : TestKafkaBrokers.obtain();
		ConfigurableEnvironment environment = context.getEnvironment();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("ConnectionStrings.Messaging", broker.bootstrapServers());
		if (this.isolated) {
			String name = uniqueName();
			properties.put("momentum.kafka.environment", name);
			// Momentum cuts environment names of 5 or more characters to 4; an alias keeps this one whole.
			properties.put("momentum.kafka.environment-aliases." + name, name);
			String application = environment.getProperty("spring.application.name", "test");
			properties.put("momentum.kafka.consumer.group-id", application + "-" + name);
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		context.getBeanFactory().registerSingleton(BROKER_BEAN_NAME, broker);
	}

	/**
	 * A name unlikely to repeat across test runs that share an external broker: {@code test-} and 8 random
	 * lower-case letters or digits.
	 * @return the name
	 */
	static String uniqueName() {
		StringBuilder name = new StringBuilder("test-");
		for (int i = 0; i < 8; i++) {
			name.append(NAME_CHARACTERS[random.nextInt(NAME_CHARACTERS.length)]);
		}
		return name.toString();
	}

}
