package io.momentum.kafka.health;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link BeanFactoryListenerContainers}.
 */
class BeanFactoryListenerContainersTests {

	@Test
	void collectsRegistryContainersAndSingletonContainerBeansOnce() {
		MessageListenerContainer fromRegistry = mock(MessageListenerContainer.class);
		MessageListenerContainer bean = mock(MessageListenerContainer.class);
		KafkaListenerEndpointRegistry registry = mock(KafkaListenerEndpointRegistry.class);
		given(registry.getListenerContainers()).willReturn(List.of(fromRegistry, bean));
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerSingleton("registry", registry);
		beanFactory.registerSingleton("container", bean);

		assertThat(new BeanFactoryListenerContainers(beanFactory).listenerContainers())
			.containsExactlyInAnyOrder(fromRegistry, bean);
	}

	@Test
	void neitherCreatesPrototypeContainersNorInitializesLazyOnes() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		RootBeanDefinition prototype = new RootBeanDefinition(MessageListenerContainer.class,
				() -> mock(MessageListenerContainer.class));
		prototype.setScope(RootBeanDefinition.SCOPE_PROTOTYPE);
		beanFactory.registerBeanDefinition("prototype", prototype);
		RootBeanDefinition lazy = new RootBeanDefinition(MessageListenerContainer.class,
				() -> mock(MessageListenerContainer.class));
		lazy.setLazyInit(true);
		beanFactory.registerBeanDefinition("lazy", lazy);

		assertThat(new BeanFactoryListenerContainers(beanFactory).listenerContainers()).isEmpty();
		assertThat(beanFactory.containsSingleton("lazy")).isFalse();
	}

}
