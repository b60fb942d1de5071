package io.momentum.kafka.health;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.Assert;

/**
 * {@link ListenerContainers} of a bean factory: the containers of every
 * {@link ListenerContainerRegistry} bean (such as the {@code KafkaListenerEndpointRegistry} of
 * {@code @KafkaListener} methods) and every singleton {@link MessageListenerContainer} bean.
 * Neither creates prototype containers nor initializes lazy beans.
 */
public class BeanFactoryListenerContainers implements ListenerContainers {

	private final ListableBeanFactory beanFactory;

	/**
	 * Create an instance reading the given bean factory.
	 * @param beanFactory the bean factory
	 */
	public BeanFactoryListenerContainers(ListableBeanFactory beanFactory) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		this.beanFactory = beanFactory;
	}

	@Override
	public Collection<MessageListenerContainer> listenerContainers() {
		Set<MessageListenerContainer> containers = Collections.newSetFromMap(new IdentityHashMap<>());
		for (ListenerContainerRegistry registry : this.beanFactory
			.getBeansOfType(ListenerContainerRegistry.class, false, false)
			.values()) {
			containers.addAll(registry.getListenerContainers());
		}
		containers.addAll(this.beanFactory.getBeansOfType(MessageListenerContainer.class, false, false).values());
		return containers;
	}

}
