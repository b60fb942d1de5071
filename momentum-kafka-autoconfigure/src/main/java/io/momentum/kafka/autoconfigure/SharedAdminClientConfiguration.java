package io.momentum.kafka.autoconfigure;

import io.momentum.kafka.admin.SharedAdminClient;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The {@link SharedAdminClient} bean, imported by the health and the metrics
 * auto-configurations so that both read the cluster through one admin client built from Spring
 * Boot's {@link KafkaAdmin} configuration.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ KafkaAdmin.class, Admin.class })
public class SharedAdminClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(KafkaAdmin.class)
	SharedAdminClient momentumKafkaAdminClient(KafkaAdmin kafkaAdmin) {
		return new SharedAdminClient(kafkaAdmin::getConfigurationProperties);
	}

}
