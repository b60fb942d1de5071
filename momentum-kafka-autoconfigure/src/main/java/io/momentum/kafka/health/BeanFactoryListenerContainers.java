package io.momentum.kafka.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.SingletonBeanRegistry;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.Assert;

/**
 * {@link ListenerContainers} of a bean factory: the containers of every
 * {@link ListenerContainerRegistry} bean (such as the {@code KafkaListenerEndpointRegistry} of
 * {@code @KafkaListener} methods) and every singleton {@link MessageListenerContainer} bean.
 * Only singletons that already exist are read: no prototype container is created and no lazy
 * bean initialized by a health check.
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
		for (ListenerContainerRegistry registry : createdSingletons(ListenerContainerRegistry.class)) {
			containers.addAll(registry.getListenerContainers());
		}
		containers.addAll(createdSingletons(MessageListenerContainer.class));
		return containers;
	}

	private <T> List<T> createdSingletons(Class<T> type) {
		List<T> beans = new ArrayList<>();
		for (String name : this.beanFactory.getBeanNamesForType(type, false, false)) {
			if (!(this.beanFactory instanceof SingletonBeanRegistry singletons) || singletons.containsSingleton(name)) {
				beans.add(this.beanFactory.getBean(name, type));
			}
		}
		return beans;
	}

}
