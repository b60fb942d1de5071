package io.momentum.kafka.autoconfigure;

import java.time.Duration;

import io.cloudevents.kafka.KafkaMessageFactory;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.SdkCloudEventReader;
import io.momentum.kafka.consuming.error.ConsumptionFailureObserver;
import io.momentum.kafka.consuming.error.DeadLetterTopicResolver;
import io.momentum.kafka.consuming.error.IntegrationEventDeadLetterRecoverer;
import io.momentum.kafka.consuming.error.IntegrationEventErrorHandler;
import io.momentum.kafka.consuming.error.IntegrationEventErrorHandlerCustomizer;
import io.momentum.kafka.consuming.error.NonRetryableExceptions;
import io.momentum.kafka.consuming.error.RetryPolicy;
import io.momentum.kafka.topic.EventCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.Assert;

/**
 * Auto-configuration of retries and dead-letter topics for integration event consumers.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class,
		afterName = "io.momentum.kafka.autoconfigure.MomentumKafkaTopicsAutoConfiguration")
@ConditionalOnMessagingConnection
@ConditionalOnClass({ DefaultErrorHandler.class, KafkaMessageFactory.class })
@EnableConfigurationProperties(MomentumKafkaProperties.class)
public final class MomentumKafkaErrorHandlingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ConsumerRecordRecoverer.class)
	IntegrationEventDeadLetterRecoverer integrationEventDeadLetterRecoverer(MomentumKafkaProperties properties,
			ObjectProvider<ProducerFactory<?, ?>> producerFactory, ObjectProvider<EventCatalog> catalog) {
		ProducerFactory<?, ?> source = producerFactory.getIfUnique();
		Assert.state(source != null, "Dead-letter topics need one ProducerFactory bean (Spring Boot's "
				+ "kafkaProducerFactory) to take the connection settings from");
		Duration timeout = properties.getRetry().getDeadLetterTimeout();
		return new IntegrationEventDeadLetterRecoverer(IntegrationEventDeadLetterRecoverer.createTemplate(source, timeout),
				new DeadLetterTopicResolver(catalog::getIfAvailable), timeout);
	}

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	IntegrationEventErrorHandler integrationEventErrorHandler(MomentumKafkaProperties properties,
			ConsumerRecordRecoverer recoverer, ObjectProvider<CloudEventReader> reader,
			ObjectProvider<ConsumptionFailureObserver> observers,
			ObjectProvider<IntegrationEventErrorHandlerCustomizer> customizers) {
		MomentumKafkaProperties.Retry retry = properties.getRetry();
		IntegrationEventErrorHandler errorHandler = new IntegrationEventErrorHandler(recoverer,
				new RetryPolicy(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
						retry.getMaxInterval()),
				new NonRetryableExceptions(retry.getNonRetryableExceptions()),
				reader.getIfAvailable(SdkCloudEventReader::new), observers.orderedStream().toList());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(errorHandler));
		return errorHandler;
	}

}
