package io.momentum.kafka.autoconfigure.health;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.autoconfigure.ConditionalOnMessagingConnection;
import io.momentum.kafka.autoconfigure.MomentumKafkaProperties;
import io.momentum.kafka.autoconfigure.SharedAdminClientConfiguration;
import io.momentum.kafka.health.BeanFactoryListenerContainers;
import io.momentum.kafka.health.KafkaHealthIndicator;
import io.momentum.kafka.health.KafkaReadinessHealthEndpointGroupsPostProcessor;
import io.momentum.kafka.health.ListenerContainers;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Auto-configuration of the {@code kafka} health contributor ({@link KafkaHealthIndicator}).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
		afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration")
@ConditionalOnClass({ AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, KafkaAdmin.class,
		Admin.class })
@ConditionalOnMessagingConnection
public final class MomentumKafkaHealthContributorAutoConfiguration {

	// Conditions whose classes live in spring-boot-health sit on a nested class, so that they are
	// only loaded once @ConditionalOnClass has matched, with or without the auto-configuration filter.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnEnabledHealthIndicator("kafka")
	@EnableConfigurationProperties(MomentumKafkaProperties.class)
	@Import(SharedAdminClientConfiguration.class)
	static class KafkaHealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "springKafkaListenerContainers")
		BeanFactoryListenerContainers springKafkaListenerContainers(ListableBeanFactory beanFactory) {
			return new BeanFactoryListenerContainers(beanFactory);
		}

		@Bean
		@ConditionalOnMissingBean(name = { "kafkaHealthIndicator", "kafkaHealthContributor" })
		KafkaHealthIndicator kafkaHealthIndicator(SharedAdminClient momentumKafkaAdminClient,
				ObjectProvider<EventCatalog> eventCatalog, ObjectProvider<ListenerContainers> listenerContainers,
				MomentumKafkaProperties properties) {
			Supplier<Set<String>> expectedTopics = () -> {
				EventCatalog catalog = eventCatalog.getIfAvailable();
				return (catalog != null) ? KafkaHealthIndicator.expectedTopics(catalog) : Set.of();
			};
			ListenerContainers allContainers = () -> listenerContainers.orderedStream()
				.flatMap((source) -> source.listenerContainers().stream())
				.toList();
			Duration timeout = properties.getHealth().getTimeout();
			if (timeout.isZero() || timeout.isNegative()) {
				throw new InvalidConfigurationPropertyValueException("momentum.kafka.health.timeout", timeout,
						"The health check timeout must be positive, for example 3s");
			}
			return new KafkaHealthIndicator(momentumKafkaAdminClient, expectedTopics, allContainers, timeout);
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
		@ConditionalOnBooleanProperty(name = "momentum.kafka.health.readiness", matchIfMissing = true)
		@ConditionalOnBooleanProperty(name = "management.endpoint.health.probes.enabled", matchIfMissing = true)
		static class ReadinessConfiguration {

			@Bean
			@ConditionalOnMissingBean
			static KafkaReadinessHealthEndpointGroupsPostProcessor kafkaReadinessHealthEndpointGroupsPostProcessor(
					Environment environment) {
				return new KafkaReadinessHealthEndpointGroupsPostProcessor("kafka", environment);
			}

		}

	}

}
