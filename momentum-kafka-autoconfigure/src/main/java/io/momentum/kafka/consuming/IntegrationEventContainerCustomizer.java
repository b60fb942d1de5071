package io.momentum.kafka.consuming;

import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Adjusts each integration event listener container (one per topic) after it was created and
 * before it starts: for example its {@code ContainerProperties}, its error handler or its
 * record interceptor. Keys and values are the raw record bytes.
 */
@FunctionalInterface
public interface IntegrationEventContainerCustomizer {

	/**
	 * Customize a container.
	 * @param topic the topic the container subscribes to
	 * @param container the container
	 */
	void customize(String topic, ConcurrentMessageListenerContainer<byte[], byte[]> container);

}
