package io.momentum.kafka.test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} with {@link MomentumKafkaTest} talks to a real broker through Spring Boot's Kafka
 * auto-configuration, and a plain consumer reads what it sent.
 */
// spring.kafka.bootstrap-servers goes once ConnectionStrings.Messaging reaches KafkaConnectionDetails (issue 2,
// connection part); until then Boot's template only knows the broker through this placeholder.
@SpringBootTest(properties = { "spring.application.name=appdomain-api",
		"spring.kafka.bootstrap-servers=${ConnectionStrings.Messaging}" })
@MomentumKafkaTest
class MomentumKafkaTestIntegrationTests {

	@Autowired
	private TestKafkaBroker broker;

	@Autowired
	private KafkaTemplate<String, String> kafkaTemplate;

	@Autowired
	private Environment environment;

	@Value("${momentum.kafka.environment}")
	private String topicEnvironment;

	@Test
	void connectionStringNamesAWorkingBrokerThatBootsTemplateWritesTo() throws Exception {
		String topic = this.topicEnvironment + ".appdomain.public.greetings";
		try (Admin admin = Admin.create(this.broker.clientProperties())) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}

		this.kafkaTemplate.send(topic, "tenant-1", "hello").get(30, TimeUnit.SECONDS);

		assertThat(readOne(topic)).satisfies((record) -> {
			assertThat(record.key()).isEqualTo("tenant-1");
			assertThat(record.value()).isEqualTo("hello");
		});
	}

	@Test
	void brokerBeanDescribesTheBrokerInTheConnectionString() {
		assertThat(Binder.get(this.environment).bind("connectionstrings.messaging", String.class).get())
			.isEqualTo(this.broker.bootstrapServers());
		TestKafkaBroker.Kind expected = (TestKafkaBrokers.external() != null) ? TestKafkaBroker.Kind.EXTERNAL
				: TestKafkaBroker.Kind.IN_JVM;
		assertThat(this.broker.kind()).isIn(expected, TestKafkaBroker.Kind.TESTCONTAINERS);
		assertThat(this.broker.description()).isNotBlank();
	}

	@Test
	void contextHasItsOwnTopicEnvironmentAndConsumerGroup() {
		assertThat(this.topicEnvironment).matches("test-[a-z0-9]{8}");
		assertThat(this.environment.getProperty("momentum.kafka.environment-aliases." + this.topicEnvironment))
			.isEqualTo(this.topicEnvironment);
		assertThat(this.environment.getProperty("momentum.kafka.consumer.group-id"))
			.isEqualTo("appdomain-api-" + this.topicEnvironment);
	}

	private ConsumerRecord<String, String> readOne(String topic) {
		Map<String, Object> properties = new HashMap<>(this.broker.clientProperties());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					return record;
				}
			}
		}
		throw new AssertionError("No record on " + topic + " within 20 s");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
