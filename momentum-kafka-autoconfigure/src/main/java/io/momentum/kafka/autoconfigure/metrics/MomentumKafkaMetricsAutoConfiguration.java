package io.momentum.kafka.autoconfigure.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.autoconfigure.ConditionalOnMessagingConnection;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.autoconfigure.MomentumKafkaProperties;
import io.momentum.kafka.autoconfigure.SharedAdminClientConfiguration;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.metrics.ConsumerLagMetrics;
import io.momentum.kafka.metrics.ConsumptionFailureMetricsObserver;
import io.momentum.kafka.metrics.ConsumptionMetricsObserver;
import io.momentum.kafka.metrics.IntegrationEventMetrics;
import io.momentum.kafka.metrics.PublishMetricsListener;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Auto-configuration of the integration-event counters ({@link IntegrationEventMetrics}) and the
 * consumer lag and group membership gauges ({@link ConsumerLagMetrics}) of the groups of the
 * integration event listener containers.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, MomentumKafkaConsumingAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, KafkaAdmin.class, Admin.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnMessagingConnection
@EnableConfigurationProperties(MomentumKafkaProperties.class)
public final class MomentumKafkaMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	IntegrationEventMetrics integrationEventMetrics(MeterRegistry meterRegistry) {
		return new IntegrationEventMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	PublishMetricsListener publishMetricsListener(IntegrationEventMetrics integrationEventMetrics) {
		return new PublishMetricsListener(integrationEventMetrics);
	}

	@Bean
	@ConditionalOnMissingBean
	ConsumptionMetricsObserver consumptionMetricsObserver(IntegrationEventMetrics integrationEventMetrics) {
		return new ConsumptionMetricsObserver(integrationEventMetrics);
	}

	@Bean
	@ConditionalOnMissingBean
	ConsumptionFailureMetricsObserver consumptionFailureMetricsObserver(
			IntegrationEventMetrics integrationEventMetrics) {
		return new ConsumptionFailureMetricsObserver(integrationEventMetrics);
	}

	@Configuration(proxyBeanMethods = false)
	// No momentum.kafka.consumer.enabled condition: with consumers off there is no
	// IntegrationEventListenerContainers bean (its configuration has that condition).
	@ConditionalOnBean({ KafkaAdmin.class, IntegrationEventListenerContainers.class })
	@ConditionalOnBooleanProperty(name = "momentum.kafka.metrics.lag-enabled", matchIfMissing = true)
	@Import(SharedAdminClientConfiguration.class)
	static class ConsumerLagConfiguration {

		// The groups are those the listener containers join, asked for at each read: a publish-only
		// application has none (no meter, no request), and a group id changed by a customizer is the
		// one measured. ConsumerLagMetrics starts after the containers were created (SmartLifecycle).
		@Bean
		@ConditionalOnMissingBean
		ConsumerLagMetrics consumerLagMetrics(SharedAdminClient momentumKafkaAdminClient,
				IntegrationEventListenerContainers integrationEventListenerContainers,
				MomentumKafkaProperties properties) {
			return new ConsumerLagMetrics(momentumKafkaAdminClient,
					integrationEventListenerContainers::getTopicsByGroupId,
					positive("momentum.kafka.metrics.lag-interval", properties.getMetrics().getLagInterval()),
					positive("momentum.kafka.metrics.lag-timeout", properties.getMetrics().getLagTimeout()));
		}

		private static Duration positive(String key, Duration value) {
			if (value.toMillis() <= 0) {
				throw new InvalidConfigurationPropertyValueException(key, value,
						"Must be at least one millisecond, for example 10s");
			}
			return value;
		}

	}

}
