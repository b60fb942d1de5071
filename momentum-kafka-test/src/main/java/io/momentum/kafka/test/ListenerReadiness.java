package io.momentum.kafka.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.momentum.kafka.consuming.IntegrationEventContainerCustomizer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

/**
 * Tells when the application's integration event listener containers can no longer miss a record
 * published from now on: every partition of their topics is assigned to one of their consumers,
 * and that consumer has resolved its position in it. Under {@code auto.offset.reset=latest} a
 * consumer that has been assigned a partition but not yet looked up its position would start
 * after a record published in between; {@code ContainerTestUtils.waitForAssignment} has that
 * gap, this class does not.
 * <p>
 * As an {@link IntegrationEventContainerCustomizer} it adds a rebalance listener to each
 * container (after the one the container has, which keeps working) that looks up the position
 * of every newly assigned partition on the consumer thread.
 */
final class ListenerReadiness implements IntegrationEventContainerCustomizer {

	private static final Log logger = LogFactory.getLog(ListenerReadiness.class);

	private static final Duration CHECK_INTERVAL = Duration.ofMillis(20);

	private static final Duration POSITION_TIMEOUT = Duration.ofSeconds(10);

	private final Supplier<Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>>> containers;

	private final Map<ConcurrentMessageListenerContainer<?, ?>, PositionTracker> trackers = new ConcurrentHashMap<>();

	/**
	 * Create an instance.
	 * @param containers supplies the integration event listener containers by topic
	 */
	ListenerReadiness(Supplier<Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>>> containers) {
		this.containers = containers;
	}

	@Override
	public void customize(String topic, ConcurrentMessageListenerContainer<byte[], byte[]> container) {
		PositionTracker tracker = new PositionTracker(
				container.getContainerProperties().getConsumerRebalanceListener());
		container.getContainerProperties().setConsumerRebalanceListener(tracker);
		this.trackers.put(container, tracker);
	}

	/**
	 * Wait until every running integration event listener container is ready.
	 * @param timeout how long to wait at most
	 * @param timeoutProperty the property that sets the timeout, for the error message
	 * @throws IllegalStateException naming each container that is not ready, and why, at the
	 * timeout
	 */
	void awaitReady(Duration timeout, String timeoutProperty) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		while (true) {
			List<String> notReady = notReady();
			if (notReady.isEmpty()) {
				if (logger.isDebugEnabled()) {
					logger.debug("Integration event listener containers ready after "
							+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
				}
				return;
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new IllegalStateException("The integration event listener containers were not ready within "
						+ timeout + " (" + timeoutProperty + "): an event published now could be missed under "
						+ "auto.offset.reset=latest. Check that the broker is reachable and that the consumers can "
						+ "join their group. Not ready:\n  " + String.join("\n  ", notReady));
			}
			try {
				Thread.sleep(CHECK_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for listener containers", ex);
			}
		}
	}

	/**
	 * Describe each running container that is not ready.
	 * @return the descriptions, empty when all are ready
	 */
	List<String> notReady() {
		List<String> notReady = new ArrayList<>();
		this.containers.get().forEach((topic, container) -> {
			String reason = notReadyReason(container, this.trackers.get(container));
			if (reason != null) {
				notReady.add("container " + container.getBeanName() + " (topic " + topic + ", group "
						+ container.getGroupId() + "): " + reason);
			}
		});
		return notReady;
	}

	private static @Nullable String notReadyReason(ConcurrentMessageListenerContainer<?, ?> container,
			@Nullable PositionTracker tracker) {
		if (!container.isRunning()) {
			// Not started automatically, or stopped by the test: nothing to wait for.
			return null;
		}
		Set<TopicPartition> assigned = new HashSet<>();
		int consumers = 0;
		int consumersWithPartitions = 0;
		for (KafkaMessageListenerContainer<?, ?> child : container.getContainers()) {
			if (!child.isRunning()) {
				continue;
			}
			consumers++;
			Collection<TopicPartition> partitions = child.getAssignedPartitions();
			if (partitions != null && !partitions.isEmpty()) {
				consumersWithPartitions++;
				assigned.addAll(partitions);
			}
		}
		if (tracker == null) {
			// A container the customizer never saw (a replaced containers bean): assignment only.
			return assigned.isEmpty() ? "no partition assigned yet" : null;
		}
		Set<TopicPartition> expected = tracker.expected();
		Set<TopicPartition> positioned = tracker.positioned();
		if (expected.isEmpty() || !assigned.equals(expected)) {
			return "assigned " + sorted(assigned) + " of " + (expected.isEmpty() ? "its topic's partitions" : sorted(expected))
					+ tracker.problem();
		}
		if (!positioned.containsAll(assigned)) {
			return "assigned " + sorted(assigned) + " but the position is known only for " + sorted(positioned)
					+ tracker.problem();
		}
		if (consumersWithPartitions < Math.min(consumers, expected.size())) {
			// With a concurrency above 1, a consumer that joins later takes partitions away again.
			return "only " + consumersWithPartitions + " of its " + consumers + " consumers have partitions yet";
		}
		return null;
	}

	private static Set<String> sorted(Collection<TopicPartition> partitions) {
		Set<String> sorted = new TreeSet<>();
		partitions.forEach((partition) -> sorted.add(partition.toString()));
		return sorted;
	}

	/**
	 * Looks up the position of each partition as it is assigned, after the container's own
	 * rebalance listener (which may seek), and remembers the partitions whose position is known.
	 */
	static final class PositionTracker implements ConsumerAwareRebalanceListener {

		private final @Nullable ConsumerRebalanceListener delegate;

		private final Set<TopicPartition> positioned = ConcurrentHashMap.newKeySet();

		private final Set<TopicPartition> expected = ConcurrentHashMap.newKeySet();

		private volatile @Nullable String problem;

		PositionTracker(@Nullable ConsumerRebalanceListener delegate) {
			this.delegate = delegate;
		}

		Set<TopicPartition> positioned() {
			return Set.copyOf(this.positioned);
		}

		Set<TopicPartition> expected() {
			return Set.copyOf(this.expected);
		}

		String problem() {
			String problem = this.problem;
			return (problem != null) ? "; last problem: " + problem : "";
		}

		@Override
		public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			this.positioned.removeAll(partitions);
			if (this.delegate instanceof ConsumerAwareRebalanceListener aware) {
				aware.onPartitionsRevokedBeforeCommit(consumer, partitions);
			}
			else if (this.delegate != null) {
				this.delegate.onPartitionsRevoked(partitions);
			}
		}

		@Override
		public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			if (this.delegate instanceof ConsumerAwareRebalanceListener aware) {
				aware.onPartitionsRevokedAfterCommit(consumer, partitions);
			}
		}

		@Override
		public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			this.positioned.removeAll(partitions);
			if (this.delegate instanceof ConsumerAwareRebalanceListener aware) {
				aware.onPartitionsLost(consumer, partitions);
			}
			else if (this.delegate != null) {
				this.delegate.onPartitionsLost(partitions);
			}
		}

		@Override
		public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
			if (this.delegate instanceof ConsumerAwareRebalanceListener aware) {
				aware.onPartitionsAssigned(consumer, partitions);
			}
			else if (this.delegate != null) {
				this.delegate.onPartitionsAssigned(partitions);
			}
			try {
				Set<String> topics = new HashSet<>();
				for (TopicPartition partition : partitions) {
					// Resolves auto.offset.reset now, on the consumer thread, if the container did not already.
					consumer.position(partition, POSITION_TIMEOUT);
					topics.add(partition.topic());
				}
				for (String topic : topics) {
					for (PartitionInfo info : consumer.partitionsFor(topic, POSITION_TIMEOUT)) {
						this.expected.add(new TopicPartition(topic, info.partition()));
					}
				}
				this.positioned.addAll(partitions);
				this.problem = null;
			}
			catch (RuntimeException ex) {
				this.problem = ex.toString();
				logger.warn("Could not look up the position of " + partitions + "; tests may wait for it", ex);
			}
		}

	}

}
