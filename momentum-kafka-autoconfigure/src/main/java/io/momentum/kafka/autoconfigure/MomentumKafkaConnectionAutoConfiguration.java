package io.momentum.kafka.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Connects Spring Boot's Kafka auto-configuration to {@code ConnectionStrings.Messaging} and
 * applies the {@code Kafka.*} security settings to every client.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass({ KafkaTemplate.class, KafkaConnectionDetails.class })
@ConditionalOnMessagingConnection
@EnableConfigurationProperties({ ConnectionStringsProperties.class, KafkaSecurityProperties.class,
		KafkaProperties.class })
public final class MomentumKafkaConnectionAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(KafkaConnectionDetails.class)
	MomentumKafkaConnectionDetails momentumKafkaConnectionDetails(ConnectionStringsProperties connectionStrings,
			KafkaProperties kafkaProperties, Environment environment, ObjectProvider<SslBundles> sslBundles) {
		BootstrapServers servers = BootstrapServers.parse(String.valueOf(connectionStrings.getMessaging()));
		boolean springBootstrapServersSet = Binder.get(environment)
			.bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
			.isBound();
		return new MomentumKafkaConnectionDetails(servers, kafkaProperties, springBootstrapServersSet,
				sslBundles.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	KafkaClientSecurity momentumKafkaClientSecurity(KafkaSecurityProperties settings) {
		return KafkaClientSecurity.of(settings);
	}

	@Bean
	static KafkaClientSecurityPostProcessor momentumKafkaClientSecurityPostProcessor(
			ObjectProvider<KafkaClientSecurity> security) {
		return new KafkaClientSecurityPostProcessor(security);
	}

}
