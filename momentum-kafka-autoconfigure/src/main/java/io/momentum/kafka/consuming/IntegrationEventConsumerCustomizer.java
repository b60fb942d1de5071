package io.momentum.kafka.consuming;

import java.util.Map;

/**
 * Adjusts the Kafka consumer properties of the integration event listener containers after
 * every default and every {@code momentum.kafka.consumer.*} and {@code spring.kafka.*} setting
 * was applied; the Java form of Momentum's {@code ConfigureConsumers(consumer => ...)}.
 *
 * <pre class="code">
 * &#64;Bean
 * IntegrationEventConsumerCustomizer consumerTuning() {
 *     return (properties) -&gt; {
 *         properties.put(ConsumerConfig.GROUP_ID_CONFIG, "custom-group-name");
 *         properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30000);
 *     };
 * }
 * </pre>
 * {@code enable.auto.commit} stays {@code false} whatever a customizer sets: offsets are
 * committed by the container after the handler returned.
 */
@FunctionalInterface
public interface IntegrationEventConsumerCustomizer {

	/**
	 * Customize the consumer properties.
	 * @param consumerProperties the mutable properties ({@code ConsumerConfig} keys)
	 */
	void customize(Map<String, Object> consumerProperties);

}
