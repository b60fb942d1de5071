package io.momentum.kafka.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.momentum.kafka.admin.SharedAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link KafkaHealthIndicator} against a real broker: UP details, a deleted topic, a stopped
 * listener container.
 */
class KafkaHealthIndicatorIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static EmbeddedKafkaKraftBroker broker;

	private SharedAdminClient adminClient;

	private KafkaMessageListenerContainer<String, String> container;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 2);
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@BeforeEach
	void createAdminClient() {
		this.adminClient = new SharedAdminClient(() -> Map.of("bootstrap.servers", broker.getBrokersAsString()));
	}

	@AfterEach
	void close() {
		if (this.container != null) {
			this.container.stop();
		}
		this.adminClient.close();
	}

	@Test
	void whenClusterReachableAndTopicsPresentThenUpWithClusterIdBrokersAndTopics() {
		String topic = createTopicWithDeadLetter();
		KafkaHealthIndicator indicator = indicator(topic, List::of);

		Health health = indicator.health();

		String clusterId = broker.doWithAdminFunction((admin) -> get(admin.describeCluster().clusterId()));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("clusterId", clusterId)
			.containsEntry("brokers", 1)
			.doesNotContainKey("reason");
		assertThat(topics(health)).containsEntry("expected", Set.of(topic, topic + ".dead-letter"))
			.containsEntry("missing", Set.of());
		indicator.close();
	}

	@Test
	void whenExpectedTopicIsDeletedThenDownNamingIt() {
		String topic = createTopicWithDeadLetter();
		KafkaHealthIndicator indicator = indicator(topic, List::of);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

		broker.doWithAdmin((admin) -> get(admin.deleteTopics(List.of(topic + ".dead-letter")).all()));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(topics(health)).containsEntry("missing", Set.of(topic + ".dead-letter"));
			assertThat((String) health.getDetails().get("reason")).startsWith("Topics are missing: [" + topic
					+ ".dead-letter]");
		});
		indicator.close();
	}

	@Test
	void whenListenerContainerRunsThenUpWithItsPartitionsAndWhenItStopsThenDown() {
		String topic = createTopicWithDeadLetter();
		this.container = listenerContainer(topic);
		KafkaHealthIndicator indicator = indicator(topic, () -> List.of(this.container));
		this.container.start();

		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(container(health)).containsEntry("running", true)
				.containsEntry("groupId", "health-" + topic)
				.containsEntry("assignedPartitions", List.of(topic + "-0", topic + "-1"));
		});

		this.container.stop();

		Health health = indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(container(health)).containsEntry("running", false);
		assertThat((String) health.getDetails().get("reason"))
			.isEqualTo("Listener container 'cashierListener' has stopped: its events are not consumed"
					+ " (see the log of org.springframework.kafka for why)");
		indicator.close();
	}

	@Test
	void whenContainerIsNotAutoStartupAndNotStartedThenReportedButUp() {
		String topic = createTopicWithDeadLetter();
		this.container = listenerContainer(topic);
		this.container.setAutoStartup(false);
		KafkaHealthIndicator indicator = indicator(topic, () -> List.of(this.container));

		// A topic just created may take a moment to show in the cluster's topic listing.
		Health health = await().atMost(Duration.ofSeconds(10))
			.until(indicator::health, (candidate) -> candidate.getStatus().equals(Status.UP));

		assertThat(container(health)).containsEntry("running", false);
		indicator.close();
	}

	private KafkaHealthIndicator indicator(String topic, ListenerContainers containers) {
		return new KafkaHealthIndicator(this.adminClient, () -> Set.of(topic, topic + ".dead-letter"), containers,
				TIMEOUT);
	}

	private static String createTopicWithDeadLetter() {
		String topic = "dev.appdomain.public.cashiers-" + UUID.randomUUID().toString().substring(0, 8);
		broker.addTopics(new NewTopic(topic, 2, (short) 1), new NewTopic(topic + ".dead-letter", 1, (short) 1));
		return topic;
	}

	private static KafkaMessageListenerContainer<String, String> listenerContainer(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		ContainerProperties properties = new ContainerProperties(topic);
		properties.setGroupId("health-" + topic);
		properties.setMessageListener((MessageListener<String, String>) (record) -> {
		});
		KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(config), properties);
		container.setBeanName("cashierListener");
		return container;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> topics(Health health) {
		return (Map<String, Object>) health.getDetails().get("topics");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> container(Health health) {
		Map<String, Object> containers = (Map<String, Object>) health.getDetails().get("listenerContainers");
		return (Map<String, Object>) containers.get("cashierListener");
	}

	private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
		try {
			return future.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
