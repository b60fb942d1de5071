package io.momentum.kafka.publishing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerPostProcessor;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.util.StringUtils;

/**
 * Producer factories of our own (the publisher's, the dead-letter recoverer's) derived from the
 * application's: the same configuration (connection, security, producer defaults,
 * {@code spring.kafka.producer.*}), listeners and post-processors, with our serializers, never
 * transactional, and a {@code client.id} that says whose producer it is.
 */
public final class DerivedProducerFactory {

	private DerivedProducerFactory() {
	}

	/**
	 * Derive a producer factory from the application's.
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param source the application's producer factory
	 * @param clientIdSuffix appended to a configured {@code client.id}
	 * @param keySerializer the key serializer
	 * @param valueSerializer the value serializer
	 * @param configCustomizer adjusts the copied configuration before the factory is created
	 * @return a new factory, which the caller must close
	 */
	public static <K, V> DefaultKafkaProducerFactory<K, V> derive(ProducerFactory<?, ?> source, String clientIdSuffix,
			Serializer<K> keySerializer, Serializer<V> valueSerializer, Consumer<Map<String, Object>> configCustomizer) {
		Map<String, Object> configs = new HashMap<>(source.getConfigurationProperties());
		configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		// The serializer instances below are used; the classes are only for readable configuration logs.
		configs.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer.getClass());
		configs.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, valueSerializer.getClass());
		Object clientId = configs.get(ProducerConfig.CLIENT_ID_CONFIG);
		if (clientId != null && StringUtils.hasText(clientId.toString())) {
			configs.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + clientIdSuffix);
		}
		configCustomizer.accept(configs);
		DefaultKafkaProducerFactory<K, V> factory = new DefaultKafkaProducerFactory<>(configs, keySerializer,
				valueSerializer);
		factory.setPhysicalCloseTimeout((int) source.getPhysicalCloseTimeout().toSeconds());
		for (ProducerFactory.Listener listener : source.getListeners()) {
			factory.addListener(listener);
		}
		for (ProducerPostProcessor postProcessor : source.getPostProcessors()) {
			factory.addPostProcessor(postProcessor);
		}
		return factory;
	}

	/**
	 * A template over a derived factory that leaves failures to its caller: no
	 * {@code LoggingProducerListener} (it would log record values) and no template timer
	 * (observation, when enabled, measures sends).
	 * @param <K> the key type
	 * @param <V> the value type
	 * @param factory the derived factory
	 * @return the template
	 */
	public static <K, V> KafkaTemplate<K, V> quietTemplate(DefaultKafkaProducerFactory<K, V> factory) {
		KafkaTemplate<K, V> template = new KafkaTemplate<>(factory);
		template.setProducerListener(new ProducerListener<>() {
		});
		template.setMicrometerEnabled(false);
		return template;
	}

	/**
	 * An integer producer setting as configured (a number or its text), or a default when it is
	 * absent or not a number (the producer reports a malformed value itself).
	 * @param configs the producer configuration
	 * @param key the setting
	 * @param defaultValue the value when it is absent or malformed
	 * @return the value
	 */
	public static int intConfig(Map<String, Object> configs, String key, int defaultValue) {
		Object value = configs.get(key);
		if (value instanceof Number number) {
			return number.intValue();
		}
		if (value != null) {
			try {
				return Integer.parseInt(value.toString().strip());
			}
			catch (NumberFormatException ex) {
				return defaultValue;
			}
		}
		return defaultValue;
	}

}
