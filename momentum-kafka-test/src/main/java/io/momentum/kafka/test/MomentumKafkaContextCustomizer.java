package io.momentum.kafka.test;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.topic.EventCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.function.SingletonSupplier;

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

	/** The name of the {@link IntegrationEventRecorder} bean. */
	static final String RECORDER_BEAN_NAME = "momentumIntegrationEventRecorder";

	/** The name of the bean that feeds the recorder from the publisher and the listener containers. */
	static final String RECORDING_BEAN_NAME = "momentumIntegrationEventRecording";

	/** The name of the {@link ListenerReadiness} bean. */
	static final String READINESS_BEAN_NAME = "momentumListenerReadiness";

	/** The name of the property source this customizer adds, ahead of all others. */
	static final String PROPERTY_SOURCE_NAME = "momentumKafkaTest";

	/** The name of the property source of defaults this customizer adds, after all others. */
	static final String DEFAULTS_PROPERTY_SOURCE_NAME = "momentumKafkaTestDefaults";

	/** The consumer heartbeat interval in tests unless configured: rebalances at start-up take less. */
	static final String DEFAULT_HEARTBEAT_INTERVAL = "500ms";

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
		// Last, so any configuration wins: with Kafka's 3 s, a context whose handlers listen on several topics
		// (several members of one group) waits up to 3 s for the rebalance as each member joins.
		environment.getPropertySources()
			.addLast(new MapPropertySource(DEFAULTS_PROPERTY_SOURCE_NAME,
					Map.of("spring.kafka.consumer.heartbeat-interval", DEFAULT_HEARTBEAT_INTERVAL)));
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BROKER_BEAN_NAME, broker);
		registerEventRecording(beanFactory, broker);
	}

	/**
	 * Register the recorder, what feeds it, and the listener readiness. All of them look their
	 * collaborators up when used (and keep them once found), so an application without
	 * publisher or handlers still starts.
	 */
	private static void registerEventRecording(ConfigurableListableBeanFactory beanFactory, TestKafkaBroker broker) {
		SingletonSupplier<IntegrationEventListenerContainers> containersBean = SingletonSupplier
			.of(() -> beanFactory.getBeanProvider(IntegrationEventListenerContainers.class).getIfAvailable());
		Supplier<Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>>> containers = () -> {
			IntegrationEventListenerContainers bean = containersBean.get();
			return (bean != null) ? bean.getContainers() : Map.of();
		};
		SingletonSupplier<EventCatalog> catalog = SingletonSupplier
			.of(() -> beanFactory.getBeanProvider(EventCatalog.class).getIfAvailable());
		IntegrationEventRecorder recorder = new IntegrationEventRecorder(catalog, containers, () -> {
			ConsumerFactory<?, ?> consumerFactory = beanFactory.getBeanProvider(ConsumerFactory.class).getIfUnique();
			return (consumerFactory != null) ? consumerFactory.getConfigurationProperties() : broker.clientProperties();
		});
		beanFactory.registerSingleton(RECORDER_BEAN_NAME, recorder);
		beanFactory.registerSingleton(RECORDING_BEAN_NAME, new RecordingListeners(recorder));
		beanFactory.registerSingleton(READINESS_BEAN_NAME, new ListenerReadiness(containers));
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
