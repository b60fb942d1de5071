package io.momentum.kafka.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real broker reached through Spring Boot's own template, listener and admin, configured with
 * nothing but {@code ConnectionStrings.Messaging}.
 */
class MomentumKafkaConnectionIntegrationTests {

	private static final String TOPIC = "momentum.connection.orders";

	private static EmbeddedKafkaKraftBroker broker;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(MomentumKafkaConnectionAutoConfiguration.class, KafkaAutoConfiguration.class))
		.withPropertyValues("ConnectionStrings.Messaging=" + broker.getBrokersAsString());

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC);
		// Spring Kafka would otherwise leave spring.kafka.bootstrap-servers set JVM-wide for later test classes
		broker.brokerListProperty("momentum.test.embedded-brokers");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void recordProducedByBootsTemplateIsConsumedByBootsListenerAndIsOnTheWire() {
		this.runner.withUserConfiguration(Listener.class).run((context) -> {
			assertThat(context).hasNotFailed();
			KafkaTemplate<Object, Object> template = context.getBean(KafkaTemplate.class);
			template.send(TOPIC, "tenant-1", "order-created").get(30, TimeUnit.SECONDS);

			ConsumerRecord<?, ?> received = context.getBean(Listener.class).records.poll(30, TimeUnit.SECONDS);
			assertThat(received).isNotNull();
			assertThat(received.key()).isEqualTo("tenant-1");
			assertThat(received.value()).isEqualTo("order-created");

			assertThat(readAll(TOPIC)).extracting(ConsumerRecord::key, ConsumerRecord::value)
				.contains(org.assertj.core.groups.Tuple.tuple("tenant-1", "order-created"));
		});
	}

	@Test
	void bootsKafkaAdminCreatesDeclaredTopicsOnTheConnectionStringsBroker() {
		this.runner.withUserConfiguration(DeclaredTopic.class).run((context) -> {
			assertThat(context).hasNotFailed();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					broker.getBrokersAsString()))) {
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
						.contains("momentum.connection.admin-created"));
			}
		});
	}

	private static List<ConsumerRecord<String, String>> readAll(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, "independent-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(200));
				polled.forEach(records::add);
				return !records.isEmpty();
			});
			return records;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Listener {

		final BlockingQueue<ConsumerRecord<?, ?>> records = new LinkedBlockingQueue<>();

		@KafkaListener(topics = TOPIC, groupId = "connection-it", properties = "auto.offset.reset=earliest")
		void onRecord(ConsumerRecord<?, ?> record) {
			this.records.add(record);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeclaredTopic {

		@Bean
		NewTopic adminCreated() {
			return new NewTopic("momentum.connection.admin-created", 1, (short) 1);
		}

	}

}
