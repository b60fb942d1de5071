package io.momentum.kafka.autoconfigure;

import java.net.URI;
import java.time.Clock;

import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.momentum.kafka.cloudevents.CloudEventRecordCustomizer;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.cloudevents.EventDataSerializer;
import io.momentum.kafka.cloudevents.JacksonEventDataSerializer;
import io.momentum.kafka.cloudevents.TracingCloudEventRecordCustomizer;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.KafkaIntegrationEventPublisher;
import io.momentum.kafka.publishing.ProducerDefaults;
import io.momentum.kafka.publishing.PublishListener;
import io.momentum.kafka.topic.EventCatalog;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservationConvention;

/**
 * Auto-configuration of the {@link IntegrationEventPublisher}, the CloudEvents writing side and
 * Momentum's producer defaults.
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, MomentumKafkaTopicsAutoConfiguration.class },
		afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ KafkaTemplate.class, KafkaMessageFactory.class, JsonFormat.class })
@ConditionalOnMessagingConnection
@EnableConfigurationProperties(MomentumKafkaProperties.class)
public final class MomentumKafkaPublishingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "momentumKafkaProducerDefaultsCustomizer")
	DefaultKafkaProducerFactoryCustomizer momentumKafkaProducerDefaultsCustomizer() {
		ProducerDefaults defaults = new ProducerDefaults();
		return (factory) -> factory.updateConfigs(defaults.missingFrom(factory.getConfigurationProperties()));
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventRecordFactory cloudEventRecordFactory(MomentumKafkaProperties properties, Environment environment,
			EventDataSerializer eventDataSerializer, ObjectProvider<CloudEventRecordCustomizer> customizers) {
		URI source = CloudEventRecordFactory.resolveSource(properties.getCloudevents().getSource(),
				environment.getProperty("spring.application.name"));
		return new CloudEventRecordFactory(properties.getCloudevents().getMode(), source, eventDataSerializer,
				customizers.orderedStream().toList(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(IntegrationEventPublisher.class)
	KafkaIntegrationEventPublisher integrationEventPublisher(EventCatalog eventCatalog,
			CloudEventRecordFactory cloudEventRecordFactory, ProducerFactory<?, ?> producerFactory,
			Environment environment, MomentumKafkaProperties properties,
			ObjectProvider<PublishListener> publishListeners, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<KafkaTemplateObservationConvention> observationConvention) {
		KafkaTemplate<String, byte[]> template = KafkaIntegrationEventPublisher.createTemplate(producerFactory);
		// Observation (timers and trace propagation) is on unless the application switched it off, or has no
		// ObservationRegistry: observing into the no-op registry still opens a scope per send.
		// Unobserved, the publisher hands records straight to the template's producer.
		ObservationRegistry registry = observationRegistry.getIfUnique();
		boolean observed = registry != null
				&& environment.getProperty("spring.kafka.template.observation-enabled", Boolean.class, true);
		template.setObservationEnabled(observed);
		if (registry != null) {
			template.setObservationRegistry(registry);
		}
		observationConvention.ifUnique(template::setObservationConvention);
		return new KafkaIntegrationEventPublisher(eventCatalog, cloudEventRecordFactory, template,
				publishListeners.orderedStream().toList(), properties.getPublisher().getTimeout(), observed);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JacksonEventDataConfiguration {

		@Bean
		@ConditionalOnMissingBean(EventDataSerializer.class)
		JacksonEventDataSerializer jacksonEventDataSerializer(ObjectProvider<JsonMapper> jsonMapper) {
			return new JacksonEventDataSerializer(jsonMapper.getIfUnique(() -> JsonMapper.builder().build()));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Tracer.class, Propagator.class })
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TracingCloudEventRecordCustomizer tracingCloudEventRecordCustomizer(ObjectProvider<Tracer> tracer,
				ObjectProvider<Propagator> propagator) {
			return new TracingCloudEventRecordCustomizer(tracer::getIfUnique, propagator::getIfUnique);
		}

	}

}
