package io.momentum.kafka.autoconfigure.metrics;

import java.time.Duration;
import java.util.Set;
import java.util.function.Predicate;

import io.micrometer.core.instrument.MeterRegistry;
import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.autoconfigure.ConditionalOnMessagingConnection;
import io.momentum.kafka.autoconfigure.ConsumerGroupId;
import io.momentum.kafka.autoconfigure.MomentumKafkaProperties;
import io.momentum.kafka.autoconfigure.SharedAdminClientConfiguration;
import io.momentum.kafka.metrics.ConsumerLagMetrics;
import io.momentum.kafka.metrics.ConsumptionFailureMetricsObserver;
import io.momentum.kafka.metrics.ConsumptionMetricsObserver;
import io.momentum.kafka.metrics.IntegrationEventMetrics;
import io.momentum.kafka.metrics.PublishMetricsListener;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Auto-configuration of the integration-event counters ({@link IntegrationEventMetrics}) and the
 * consumer lag and group membership gauges ({@link ConsumerLagMetrics}).
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
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
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnBooleanProperty(name = "momentum.kafka.consumer.enabled", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "momentum.kafka.metrics.lag-enabled", matchIfMissing = true)
	@Conditional(OnConsumerGroupIdCondition.class)
	@Import(SharedAdminClientConfiguration.class)
	static class ConsumerLagConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ConsumerLagMetrics consumerLagMetrics(SharedAdminClient momentumKafkaAdminClient, Environment environment,
				ObjectProvider<EventCatalog> eventCatalog, MomentumKafkaProperties properties) {
			EventCatalog catalog = eventCatalog.getIfAvailable();
			Set<String> topics = (catalog != null) ? catalog.topics() : null;
			Predicate<String> selected = (topics != null) ? topics::contains : (topic) -> true;
			return new ConsumerLagMetrics(momentumKafkaAdminClient, ConsumerGroupId.require(environment), selected,
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
