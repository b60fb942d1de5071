package io.momentum.kafka.health;

import java.util.Collection;

import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Source of the listener containers whose state the Kafka health indicator reports. Every bean
 * of this type contributes; containers found through several sources are reported once.
 * Register one to expose containers that are neither beans nor held by a
 * {@link org.springframework.kafka.listener.ListenerContainerRegistry}.
 */
@FunctionalInterface
public interface ListenerContainers {

	/**
	 * The top-level listener containers (not the child containers of a concurrent container).
	 * @return the containers, possibly empty
	 */
	Collection<? extends MessageListenerContainer> listenerContainers();

}
