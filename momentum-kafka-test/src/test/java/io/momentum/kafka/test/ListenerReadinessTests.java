package io.momentum.kafka.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.momentum.kafka.test.ListenerReadiness.PositionTracker;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ListenerReadiness}: how it learns, on the consumer thread, which partitions have a known position.
 */
class ListenerReadinessTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

	private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

	private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("latest");

	@Test
	void assignedPartitionsAreMarkedOnceTheirPositionIsResolvedAndTheTopicsPartitionsAreLearnt() {
		PositionTracker tracker = new PositionTracker(null);
		this.consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1)));
		this.consumer.assign(List.of(P0));
		this.consumer.updateEndOffsets(Map.of(P0, 42L));

		tracker.onPartitionsAssigned(this.consumer, List.of(P0));

		assertThat(tracker.positioned()).containsExactly(P0);
		assertThat(tracker.expected()).containsExactlyInAnyOrder(P0, P1);
		assertThat(this.consumer.position(P0)).isEqualTo(42L);
		assertThat(tracker.problem()).isEmpty();
	}

	@Test
	void partitionWhosePositionCannotBeResolvedIsNotMarkedAndTheProblemIsKept() {
		PositionTracker tracker = new PositionTracker(null);
		this.consumer.updatePartitions(TOPIC, List.of(partition(0)));
		this.consumer.assign(List.of(P0));

		tracker.onPartitionsAssigned(this.consumer, List.of(P0));

		assertThat(tracker.positioned()).isEmpty();
		assertThat(tracker.problem()).startsWith("; last problem: ");
	}

	@Test
	void revokedAndLostPartitionsAreForgotten() {
		PositionTracker tracker = new PositionTracker(null);
		this.consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1)));
		this.consumer.assign(List.of(P0, P1));
		this.consumer.updateEndOffsets(Map.of(P0, 1L, P1, 2L));
		tracker.onPartitionsAssigned(this.consumer, List.of(P0, P1));

		tracker.onPartitionsRevokedBeforeCommit(this.consumer, List.of(P0));
		assertThat(tracker.positioned()).containsExactly(P1);
		tracker.onPartitionsLost(this.consumer, List.of(P1));
		assertThat(tracker.positioned()).isEmpty();
	}

	@Test
	void theContainersOwnConsumerAwareListenerIsCalledFirstForEveryEvent() {
		List<String> calls = new ArrayList<>();
		PositionTracker tracker = new PositionTracker(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				calls.add("revoked before commit " + partitions);
			}

			@Override
			public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				calls.add("revoked after commit " + partitions);
			}

			@Override
			public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				calls.add("lost " + partitions);
			}

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				// A listener that seeks: the position looked up afterwards is the one it chose.
				consumer.seek(P0, 7L);
				calls.add("assigned " + partitions);
			}

		});
		this.consumer.updatePartitions(TOPIC, List.of(partition(0)));
		this.consumer.assign(List.of(P0));

		tracker.onPartitionsAssigned(this.consumer, List.of(P0));
		tracker.onPartitionsRevokedBeforeCommit(this.consumer, List.of(P0));
		tracker.onPartitionsRevokedAfterCommit(this.consumer, List.of(P0));
		tracker.onPartitionsLost(this.consumer, List.of(P0));

		assertThat(calls).containsExactly("assigned [" + P0 + "]", "revoked before commit [" + P0 + "]",
				"revoked after commit [" + P0 + "]", "lost [" + P0 + "]");
		assertThat(this.consumer.position(P0)).isEqualTo(7L);
	}

	@Test
	void aPlainRebalanceListenerOfTheContainerKeepsWorking() {
		List<String> calls = new ArrayList<>();
		PositionTracker tracker = new PositionTracker(new ConsumerRebalanceListener() {

			@Override
			public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
				calls.add("revoked " + partitions);
			}

			@Override
			public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
				calls.add("assigned " + partitions);
			}

			@Override
			public void onPartitionsLost(Collection<TopicPartition> partitions) {
				calls.add("lost " + partitions);
			}

		});

		tracker.onPartitionsAssigned(this.consumer, List.of());
		tracker.onPartitionsRevokedBeforeCommit(this.consumer, List.of(P0));
		tracker.onPartitionsRevokedAfterCommit(this.consumer, List.of(P0));
		tracker.onPartitionsLost(this.consumer, List.of(P1));

		assertThat(calls).containsExactly("assigned []", "revoked [" + P0 + "]", "lost [" + P1 + "]");
	}

	@Test
	void customizerPutsTheTrackerInFrontOfTheContainersListenerAndStoppedContainersAreNotWaitedFor() {
		ConsumerRebalanceListener own = new ConsumerRebalanceListener() {

			@Override
			public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			}

			@Override
			public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			}

		};
		ContainerProperties properties = new ContainerProperties(TOPIC);
		properties.setConsumerRebalanceListener(own);
		ConcurrentMessageListenerContainer<byte[], byte[]> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(Map.of()), properties);
		ListenerReadiness readiness = new ListenerReadiness(() -> Map.of(TOPIC, container));

		readiness.customize(TOPIC, container);

		assertThat(container.getContainerProperties().getConsumerRebalanceListener())
			.isInstanceOf(PositionTracker.class);
		assertThat(readiness.notReady()).isEmpty();
	}

	@Test
	void whenAConsumerCannotJoinItsGroupThenTheWaitFailsAtItsTimeoutNamingTheContainerAndTheProperty() {
		ContainerProperties properties = new ContainerProperties(TOPIC);
		properties.setGroupId("appdomain-api-test");
		properties.setMessageListener((MessageListener<byte[], byte[]>) (record) -> {
		});
		// Nothing listens on port 1: the consumer starts but never gets a partition.
		ConcurrentMessageListenerContainer<byte[], byte[]> container = new ConcurrentMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"),
						new ByteArrayDeserializer(), new ByteArrayDeserializer()),
				properties);
		container.setBeanName("momentum-" + TOPIC);
		ListenerReadiness readiness = new ListenerReadiness(() -> Map.of(TOPIC, container));
		readiness.customize(TOPIC, container);
		container.start();
		try {
			assertThatIllegalStateException()
				.isThrownBy(() -> readiness.awaitReady(Duration.ofMillis(300), "momentum.kafka.test.assignment-timeout"))
				.withMessageStartingWith("The integration event listener containers were not ready within PT0.3S "
						+ "(momentum.kafka.test.assignment-timeout): an event published now could be missed under "
						+ "auto.offset.reset=latest.")
				.withMessageContaining("Not ready:\n  container momentum-" + TOPIC + " (topic " + TOPIC
						+ ", group appdomain-api-test): assigned [] of its topic's partitions");
		}
		finally {
			container.stop();
		}
	}

	private static PartitionInfo partition(int partition) {
		Node node = new Node(0, "localhost", 9092);
		return new PartitionInfo(TOPIC, partition, node, new Node[] { node }, new Node[] { node });
	}

}
