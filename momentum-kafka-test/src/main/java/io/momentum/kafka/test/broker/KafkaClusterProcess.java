package io.momentum.kafka.test.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of {@link KafkaBrokerProcess} nodes (three by default), each a combined broker and controller in
 * its own JVM, sharing one cluster id and one controller quorum.
 * <p>
 * Defaults fit failure tests: replication factor = node count for new and internal topics,
 * {@code min.insync.replicas} = node count - 1 (2 of 3), and a 3 s broker session so that a killed leader is
 * replaced in about 3 to 5 s. Nodes start and stop in parallel: a node alone never becomes ready (it waits for a
 * quorum), and stopping nodes one by one leaves the last without a quorum, hanging until the stop timeout.
 *
 * <pre class="code">
 * try (KafkaClusterProcess cluster = KafkaClusterProcess.builder().build()) {
 *     cluster.start();
 *     int leader = cluster.leaderOf("payments", 0).getAsInt();
 *     cluster.node(leader).kill();
 *     int newLeader = cluster.awaitLeader("payments", 0, (id) -&gt; id != leader, Duration.ofSeconds(30));
 *     cluster.node(leader).start();
 * }
 * </pre>
 */
public final class KafkaClusterProcess implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaClusterProcess.class);

	private final Map<Integer, KafkaBrokerProcess> nodes;

	private final Duration startTimeout;

	private final Duration stopTimeout;

	private KafkaClusterProcess(Builder builder) {
		String clusterId = Uuid.randomUuid().toString();
		int[] controllerPorts = KafkaBrokerProcess.freePorts(builder.nodes);
		String voters = java.util.stream.IntStream.range(0, builder.nodes)
			.mapToObj((i) -> (i + 1) + "@127.0.0.1:" + controllerPorts[i])
			.collect(Collectors.joining(","));
		Map<String, String> properties = new LinkedHashMap<>();
		String replicas = Integer.toString(builder.nodes);
		String minInSync = Integer.toString(Math.max(1, builder.nodes - 1));
		properties.put("default.replication.factor", replicas);
		properties.put("min.insync.replicas", minInSync);
		properties.put("offsets.topic.replication.factor", replicas);
		properties.put("transaction.state.log.replication.factor", replicas);
		properties.put("transaction.state.log.min.isr", minInSync);
		properties.put("share.coordinator.state.topic.replication.factor", replicas);
		properties.put("share.coordinator.state.topic.min.isr", minInSync);
		properties.putAll(builder.serverProperties);
		this.nodes = new LinkedHashMap<>();
		for (int i = 0; i < builder.nodes; i++) {
			int nodeId = i + 1;
			KafkaBrokerProcess.Builder node = KafkaBrokerProcess.builder()
				.nodeId(nodeId)
				.clusterNode(clusterId, controllerPorts[i], voters)
				.serverProperties(properties)
				.startTimeout(builder.startTimeout)
				.stopTimeout(builder.stopTimeout);
			String[] jvmOptions = builder.jvmOptions;
			if (jvmOptions != null) {
				node.jvmOptions(jvmOptions);
			}
			this.nodes.put(nodeId, node.build());
		}
		this.startTimeout = builder.startTimeout;
		this.stopTimeout = builder.stopTimeout;
	}

	/**
	 * A builder for a cluster of three nodes.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts every node that is not running, in parallel, and waits until all serve clients.
	 * @throws KafkaBrokerStartException when a node exits or is not ready within the start timeout; nodes that
	 * were launched by this call are stopped again
	 */
	public void start() {
		List<KafkaBrokerProcess> launched = new ArrayList<>();
		for (KafkaBrokerProcess node : this.nodes.values()) {
			if (!node.isRunning()) {
				node.launch();
				launched.add(node);
			}
		}
		long deadline = System.nanoTime() + this.startTimeout.toNanos();
		try {
			for (KafkaBrokerProcess node : launched) {
				node.awaitReady(deadline);
			}
		}
		catch (RuntimeException ex) {
			stopInParallel(launched);
			throw ex;
		}
	}

	/**
	 * Stops every running node gracefully, in parallel; a node still running after the stop timeout is killed.
	 */
	public void stop() {
		stopInParallel(this.nodes.values());
	}

	private void stopInParallel(Iterable<KafkaBrokerProcess> nodes) {
		for (KafkaBrokerProcess node : nodes) {
			node.signalStop();
		}
		long deadline = System.nanoTime() + this.stopTimeout.toNanos();
		for (KafkaBrokerProcess node : nodes) {
			Process process = node.process();
			if (process != null
					&& !KafkaBrokerProcess.waitForExit(process, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				logger.warn("Cluster node {} did not stop within {}: killing it", node.nodeId(), this.stopTimeout);
			}
			node.kill();
		}
	}

	/**
	 * Stops the cluster and deletes the nodes' temporary work directories.
	 */
	@Override
	public void close() {
		stop();
		for (KafkaBrokerProcess node : this.nodes.values()) {
			node.close();
		}
	}

	/**
	 * One node, to {@link KafkaBrokerProcess#kill() kill}, {@link KafkaBrokerProcess#stop() stop} or
	 * {@link KafkaBrokerProcess#start() start} it alone (a cluster that keeps a quorum lets a single node restart).
	 * @param nodeId the node id, from 1
	 * @return the node
	 * @throws NoSuchElementException when the cluster has no such node
	 */
	public KafkaBrokerProcess node(int nodeId) {
		KafkaBrokerProcess node = this.nodes.get(nodeId);
		if (node == null) {
			throw new NoSuchElementException("The cluster has no node " + nodeId + "; its nodes are " + this.nodes.keySet());
		}
		return node;
	}

	/**
	 * The nodes in node id order.
	 * @return the nodes
	 */
	public List<KafkaBrokerProcess> nodes() {
		return List.copyOf(this.nodes.values());
	}

	/**
	 * The PLAINTEXT bootstrap servers of every node, running or not (clients skip the nodes that are down).
	 * @return comma-separated {@code host:port} entries
	 */
	public String bootstrapServers() {
		return bootstrapServers(BrokerListener.PLAINTEXT);
	}

	/**
	 * The bootstrap servers of one listener on every node.
	 * @param listener the listener
	 * @return comma-separated {@code host:port} entries
	 */
	public String bootstrapServers(BrokerListener listener) {
		return this.nodes.values()
			.stream()
			.map((node) -> node.bootstrapServers(listener))
			.collect(Collectors.joining(","));
	}

	/**
	 * Creates an admin client on the PLAINTEXT listeners of the running nodes; the caller closes it.
	 * @return a new admin client
	 */
	public Admin createAdmin() {
		String running = this.nodes.values()
			.stream()
			.filter(KafkaBrokerProcess::isRunning)
			.map(KafkaBrokerProcess::bootstrapServers)
			.collect(Collectors.joining(","));
		if (running.isEmpty()) {
			throw new IllegalStateException("No node of the cluster is running");
		}
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, running,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				3_000));
	}

	/**
	 * The current leader of a partition, as the cluster's metadata says.
	 * @param topic the topic
	 * @param partition the partition
	 * @return the leader's node id, empty when the partition has no leader
	 */
	public OptionalInt leaderOf(String topic, int partition) {
		try (Admin admin = createAdmin()) {
			TopicDescription description = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.get(topic);
			TopicPartitionInfo info = description.partitions().get(partition);
			Node leader = info.leader();
			return (leader == null || leader.isEmpty()) ? OptionalInt.empty() : OptionalInt.of(leader.id());
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe topic " + topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while describing topic " + topic, ex);
		}
	}

	/**
	 * Waits until a partition has a leader that matches, for example one other than a node just killed.
	 * @param topic the topic
	 * @param partition the partition
	 * @param condition which node ids are acceptable
	 * @param timeout how long to wait
	 * @return the leader's node id
	 * @throws IllegalStateException when no acceptable leader appears within the timeout
	 */
	public int awaitLeader(String topic, int partition, IntPredicate condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		@Nullable RuntimeException lastFailure = null;
		OptionalInt leader = OptionalInt.empty();
		while (System.nanoTime() - deadline < 0) {
			try {
				leader = leaderOf(topic, partition);
				if (leader.isPresent() && condition.test(leader.getAsInt())) {
					return leader.getAsInt();
				}
			}
			catch (RuntimeException ex) {
				lastFailure = ex;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for a leader of " + topic, ex);
			}
		}
		IllegalStateException failure = new IllegalStateException("No acceptable leader for " + topic + "-" + partition
				+ " within " + timeout + "; last seen leader: " + leader);
		if (lastFailure != null) {
			failure.addSuppressed(lastFailure);
		}
		throw failure;
	}

	@Override
	public String toString() {
		return "KafkaClusterProcess" + this.nodes.values();
	}

	/**
	 * Builds a {@link KafkaClusterProcess}.
	 */
	public static final class Builder {

		private int nodes = 3;

		private final Map<String, String> serverProperties = new LinkedHashMap<>();

		private String @Nullable [] jvmOptions;

		private Duration startTimeout = Duration.ofSeconds(120);

		private Duration stopTimeout = Duration.ofSeconds(30);

		private Builder() {
		}

		/**
		 * The number of nodes (default 3), each a broker and a controller.
		 * @param nodes the node count
		 * @return this builder
		 */
		public Builder nodes(int nodes) {
			if (nodes < 1) {
				throw new IllegalArgumentException("A cluster needs at least one node");
			}
			this.nodes = nodes;
			return this;
		}

		/**
		 * Sets a property on every node; it wins over the defaults.
		 * @param name the property name
		 * @param value the value
		 * @return this builder
		 */
		public Builder serverProperty(String name, String value) {
			this.serverProperties.put(name, value);
			return this;
		}

		/**
		 * Replaces the JVM options of every node.
		 * @param options the JVM options
		 * @return this builder
		 * @see KafkaBrokerProcess.Builder#jvmOptions(String...)
		 */
		public Builder jvmOptions(String... options) {
			this.jvmOptions = options.clone();
			return this;
		}

		/**
		 * How long {@link KafkaClusterProcess#start()} waits for all nodes (default 120 s; a first start takes
		 * about 20 s on two busy cores).
		 * @param startTimeout the start timeout
		 * @return this builder
		 */
		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		/**
		 * How long a graceful stop may take before nodes are killed (default 30 s).
		 * @param stopTimeout the stop timeout
		 * @return this builder
		 */
		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		/**
		 * Builds the cluster and chooses its ports; it is not started.
		 * @return the cluster
		 */
		public KafkaClusterProcess build() {
			return new KafkaClusterProcess(this);
		}

	}

}
