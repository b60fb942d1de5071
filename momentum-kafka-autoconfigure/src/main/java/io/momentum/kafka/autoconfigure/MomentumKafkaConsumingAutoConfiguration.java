package io.momentum.kafka.autoconfigure;

import java.time.Duration;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.observation.ObservationRegistry;
import io.momentum.kafka.cloudevents.BinaryModeCloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventDataBinder;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.SdkCloudEventReader;
import io.momentum.kafka.consuming.ConsumptionObserver;
import io.momentum.kafka.consuming.IntegrationEventConsumerCustomizer;
import io.momentum.kafka.consuming.IntegrationEventContainerCustomizer;
import io.momentum.kafka.consuming.IntegrationEventHandlerRegistry;
import io.momentum.kafka.health.ListenerContainers;
import io.momentum.kafka.topic.EventCatalogReport;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.consuming.IntegrationEventMessageConverter;
import io.momentum.kafka.topic.EventCatalog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.util.Assert;

/**
 * Auto-configuration of integration event consumers: CloudEvents reading, handler discovery and
 * one listener container per topic.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, MomentumKafkaTopicsAutoConfiguration.class })
@ConditionalOnMessagingConnection
@ConditionalOnClass({ ConcurrentKafkaListenerContainerFactory.class, KafkaMessageFactory.class, JsonMapper.class })
@EnableConfigurationProperties(MomentumKafkaProperties.class)
public final class MomentumKafkaConsumingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudEventReader cloudEventReader() {
		return new BinaryModeCloudEventReader(new SdkCloudEventReader());
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventDataBinder cloudEventDataBinder(ObjectProvider<JsonMapper> jsonMapper) {
		return new CloudEventDataBinder(jsonMapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean(RecordMessageConverter.class)
	IntegrationEventMessageConverter integrationEventMessageConverter(CloudEventReader reader,
			CloudEventDataBinder binder, ObjectProvider<EventCatalog> catalog) {
		return new IntegrationEventMessageConverter(reader, binder, catalog::getIfAvailable);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "momentum.kafka.consumer.enabled", matchIfMissing = true)
	static class HandlersConfiguration {

		private static final Duration AUTH_EXCEPTION_RETRY_INTERVAL = Duration.ofSeconds(10);

		@Bean
		@ConditionalOnMissingBean
		IntegrationEventHandlerRegistry integrationEventHandlerRegistry(ListableBeanFactory beanFactory,
				ObjectProvider<EventCatalog> catalog) {
			return new IntegrationEventHandlerRegistry(beanFactory, catalog::getIfAvailable);
		}

		@Bean
		IntegrationEventContainerCustomizer integrationEventContainerDefaults(Environment environment,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			// Observation (timers, trace context from the record's traceparent header, trace ids in the
			// handler's log lines) is on unless the application switched it off, or has no ObservationRegistry:
			// observing into the no-op registry still opens a scope per record.
			boolean observation = observed(environment, observationRegistry);
			return (topic, container) -> {
				ContainerProperties properties = container.getContainerProperties();
				properties.setObservationEnabled(observation);
				// Without a retry interval Spring Kafka stops a container for good on an authentication
				// or authorization error; with one, handlers resume once credentials or ACLs are fixed.
				if (properties.getAuthExceptionRetryInterval() == null) {
					properties.setAuthExceptionRetryInterval(AUTH_EXCEPTION_RETRY_INTERVAL);
				}
			};
		}

		@Bean
		ListenerContainers integrationEventListenerContainersForHealth(
				IntegrationEventListenerContainers integrationEventListenerContainers) {
			return () -> integrationEventListenerContainers.getContainers().values();
		}

		@Bean
		EventCatalogReport.Column integrationEventHandlerReportColumn(IntegrationEventHandlerRegistry registry) {
			return EventCatalogReport.Column.of("handler",
					(event) -> registry.find(event.eventType()).map(Object::toString).orElse(null));
		}

		private static boolean observed(Environment environment, ObjectProvider<ObservationRegistry> observationRegistry) {
			return observationRegistry.getIfUnique() != null
					&& environment.getProperty("spring.kafka.listener.observation-enabled", Boolean.class, true);
		}

		@Bean
		@ConditionalOnMissingBean
		IntegrationEventConsumerConfigurer integrationEventConsumerConfigurer(MomentumKafkaProperties properties,
				Environment environment, ObjectProvider<IntegrationEventConsumerCustomizer> customizers,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			// Only observed containers continue a trace, so only they need ce_traceparent restored as traceparent.
			return new IntegrationEventConsumerConfigurer(properties.getConsumer(),
					environment.getProperty("spring.application.name"), customizers.orderedStream().toList(),
					observed(environment, observationRegistry));
		}

		@Bean
		@ConditionalOnMissingBean
		IntegrationEventListenerContainers integrationEventListenerContainers(IntegrationEventHandlerRegistry registry,
				IntegrationEventConsumerConfigurer configurer, ObjectProvider<ConsumerFactory<?, ?>> consumerFactory,
				ObjectProvider<ConcurrentKafkaListenerContainerFactoryConfigurer> bootConfigurer,
				ObjectProvider<CommonErrorHandler> errorHandler, CloudEventReader reader, CloudEventDataBinder binder,
				ObjectProvider<ConsumptionObserver> observers,
				ObjectProvider<IntegrationEventContainerCustomizer> containerCustomizers,
				ApplicationContext applicationContext) {
			return new IntegrationEventListenerContainers(registry, () -> {
				ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
				ConsumerFactory<?, ?> bootConsumerFactory = consumerFactory.getIfUnique();
				Assert.state(bootConsumerFactory != null, "@IntegrationEventHandler methods need one ConsumerFactory "
						+ "bean (Spring Boot's kafkaConsumerFactory) to take the connection settings from");
				configurer.configure(factory, bootConsumerFactory, bootConfigurer.getIfUnique(),
						errorHandler.getIfAvailable(), applicationContext);
				return factory;
			}, reader, binder, () -> observers.orderedStream().toList(),
					() -> containerCustomizers.orderedStream().toList());
		}

	}

}
