package io.momentum.kafka.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.momentum.kafka.topic.EnvironmentName;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventCatalogFactory;
import io.momentum.kafka.topic.EventCatalogReport;
import io.momentum.kafka.topic.EventTopicsInitializer;
import io.momentum.kafka.topic.EventTypeScanner;
import io.momentum.kafka.topic.NewTopicCustomizer;
import io.momentum.kafka.topic.TopicNameResolver;
import io.momentum.kafka.topic.TopicProvisioner;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Auto-configuration of event topics: naming, discovery, the {@link EventCatalog} and
 * provisioning.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnMessagingConnection
@EnableConfigurationProperties(MomentumKafkaProperties.class)
public final class MomentumKafkaTopicsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TopicNameResolver momentumTopicNameResolver(MomentumKafkaProperties properties, Environment environment) {
		EnvironmentName environmentName = EnvironmentName.resolve(properties.getEnvironment(),
				List.of(environment.getActiveProfiles()), properties.getEnvironmentAliases());
		return new TopicNameResolver(environmentName, properties.getDefaultDomain(),
				environment.getProperty("spring.application.name"));
	}

	@Bean
	@ConditionalOnMissingBean
	EventCatalog momentumEventCatalog(BeanFactory beanFactory, ResourceLoader resourceLoader, Environment environment,
			MomentumKafkaProperties properties, TopicNameResolver topicNameResolver) {
		List<String> packages = new ArrayList<>();
		if (AutoConfigurationPackages.has(beanFactory)) {
			packages.addAll(AutoConfigurationPackages.get(beanFactory));
		}
		packages.addAll(properties.getScanPackages());
		List<Class<?>> eventTypes = new EventTypeScanner(resourceLoader, environment).scan(packages);
		MomentumKafkaProperties.Topics topics = properties.getTopics();
		return new EventCatalogFactory(topicNameResolver, topics.getPartitions(), topics.getReplicationFactor())
			.create(eventTypes);
	}

	@Bean
	@ConditionalOnMissingBean
	EventCatalogReport momentumEventCatalogReport(EventCatalog eventCatalog,
			ObjectProvider<EventCatalogReport.Column> columns) {
		return new EventCatalogReport(eventCatalog, columns.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(KafkaAdmin.class)
	@ConditionalOnBooleanProperty(name = "momentum.kafka.topics.provision", matchIfMissing = true)
	TopicProvisioner momentumTopicProvisioner(KafkaAdmin kafkaAdmin, MomentumKafkaProperties properties,
			ObjectProvider<NewTopicCustomizer> customizers) {
		TopicProvisioner provisioner = new TopicProvisioner(kafkaAdmin.getConfigurationProperties(),
				properties.getTopics().getProvisionTimeout());
		provisioner.addCustomizers(customizers.orderedStream().toList());
		return provisioner;
	}

	@Bean
	@ConditionalOnMissingBean
	EventTopicsInitializer momentumEventTopicsInitializer(EventCatalog eventCatalog, EventCatalogReport report,
			ObjectProvider<TopicProvisioner> provisioner) {
		return new EventTopicsInitializer(eventCatalog, report, provisioner.getIfAvailable());
	}

}
