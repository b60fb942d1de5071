package io.momentum.kafka.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Adds the client properties of {@link KafkaClientSecurity} to Spring Boot's
 * {@link KafkaProperties} before any Kafka client is built, as if they had been written under
 * {@code spring.kafka.properties.*}. That one place reaches every client Spring Boot builds
 * (producer and consumer factories, {@code KafkaAdmin}, Kafka Streams) and every client an
 * application builds itself from {@code KafkaProperties.build*Properties()}; {@code KafkaAdmin}
 * has no customizer hook in Spring Boot 4.0.
 * <p>
 * A group of properties is added only to the clients whose effective configuration does not
 * set any of the group's keys, so explicit {@code spring.kafka.*} settings (common or per
 * client, typed or under {@code properties}) always win.
 */
class KafkaClientSecurityPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<KafkaClientSecurity> security;

	KafkaClientSecurityPostProcessor(ObjectProvider<KafkaClientSecurity> security) {
		this.security = security;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof KafkaProperties properties) {
			KafkaClientSecurity clientSecurity = this.security.getIfAvailable();
			if (clientSecurity != null) {
				contribute(properties, clientSecurity);
			}
		}
		return bean;
	}

	/**
	 * Add each group to the clients that do not configure it: to the common
	 * {@code spring.kafka.properties} when no client does, else to each client's own map.
	 * @param properties Spring Boot's Kafka properties, after binding
	 * @param security the client properties to add
	 */
	static void contribute(KafkaProperties properties, KafkaClientSecurity security) {
		List<Client> clients = List.of(
				new Client(properties.buildAdminProperties(), properties.getAdmin().getProperties()),
				new Client(properties.buildProducerProperties(), properties.getProducer().getProperties()),
				new Client(properties.buildConsumerProperties(), properties.getConsumer().getProperties()),
				new Client(properties.buildStreamsProperties(), properties.getStreams().getProperties()));
		for (KafkaClientSecurity.Group group : security.groups()) {
			List<Client> lacking = new ArrayList<>();
			for (Client client : clients) {
				if (Collections.disjoint(client.effective().keySet(), group.ownedKeys())) {
					lacking.add(client);
				}
			}
			if (lacking.size() == clients.size()) {
				properties.getProperties().putAll(group.properties());
			}
			else {
				lacking.forEach((client) -> client.own().putAll(group.properties()));
			}
		}
	}

	private record Client(Map<String, Object> effective, Map<String, String> own) {

	}

}
