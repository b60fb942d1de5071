package io.momentum.kafka.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.momentum.kafka.admin.ClusterFailure;
import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.Assert;

/**
 * Health of the Kafka integration: the cluster (reachable, authenticated), the event topics and
 * their dead-letter topics (present), and the listener containers (running). UP details: cluster
 * id, broker count, topics expected and missing, and per listener container whether it runs and
 * which partitions it holds. DOWN carries a {@code reason} a person can act on.
 * <p>
 * A check never takes longer than the timeout, even when the brokers are gone or a firewall
 * swallows packets: every admin request is bounded, and so is the wait for it. Concurrent checks
 * share one request in flight. All checks reuse one {@link SharedAdminClient}. Details contain no
 * credentials. A change to DOWN is logged as a warning with its reason, the return to UP at info
 * level.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

	private static final long WAIT_GRACE_MILLIS = 200;

	private static final Log logger = LogFactory.getLog(KafkaHealthIndicator.class);

	private final SharedAdminClient adminClient;

	private final Supplier<? extends Collection<String>> expectedTopics;

	private final ListenerContainers listenerContainers;

	private final Duration timeout;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "momentum-kafka-health");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicReference<@Nullable CompletableFuture<ClusterState>> inFlight = new AtomicReference<>();

	private final AtomicReference<@Nullable Status> lastStatus = new AtomicReference<>();

	/**
	 * Create an indicator.
	 * @param adminClient the admin client to read the cluster with
	 * @param expectedTopics the topics that must exist (see {@link #expectedTopics(EventCatalog)})
	 * @param listenerContainers the listener containers that must run
	 * @param timeout the longest time a check waits for the cluster
	 */
	public KafkaHealthIndicator(SharedAdminClient adminClient, Supplier<? extends Collection<String>> expectedTopics,
			ListenerContainers listenerContainers, Duration timeout) {
		super("Kafka health check failed");
		Assert.notNull(adminClient, "'adminClient' must not be null");
		Assert.notNull(expectedTopics, "'expectedTopics' must not be null");
		Assert.notNull(listenerContainers, "'listenerContainers' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.adminClient = adminClient;
		this.expectedTopics = expectedTopics;
		this.listenerContainers = listenerContainers;
		this.timeout = timeout;
	}

	/**
	 * The topics an application with the given catalog needs: every event topic and its
	 * dead-letter topic.
	 * @param catalog the event catalog
	 * @return the topic names, sorted
	 */
	public static Set<String> expectedTopics(EventCatalog catalog) {
		Set<String> topics = new TreeSet<>();
		for (EventDescriptor event : catalog.events()) {
			topics.add(event.topic());
			topics.add(event.deadLetterTopic());
		}
		return topics;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<String> reasons = new ArrayList<>();
		Set<String> expected = new TreeSet<>(this.expectedTopics.get());
		try {
			ClusterState cluster = awaitSharedCheck(expected);
			builder.withDetail("clusterId", cluster.clusterId()).withDetail("brokers", cluster.brokers());
			builder.withDetail("topics", topicDetails(expected, cluster, reasons));
		}
		catch (Exception ex) {
			reasons.add(ClusterFailure.describe(ex, this.adminClient, this.timeout));
			builder.withDetail("bootstrapServers", this.adminClient.bootstrapServers());
			builder.withDetail("topics", Map.of("expected", expected));
		}
		builder.withDetail("listenerContainers", containerDetails(reasons));
		if (reasons.isEmpty()) {
			builder.up();
			if (this.lastStatus.getAndSet(Status.UP) == Status.DOWN) {
				logger.info("Kafka health is UP again");
			}
		}
		else {
			String reason = String.join("; ", reasons);
			builder.down().withDetail("reason", reason);
			if (this.lastStatus.getAndSet(Status.DOWN) != Status.DOWN) {
				logger.warn("Kafka health is DOWN: " + reason);
			}
		}
	}

	/**
	 * Stop the thread that starts checks. The admin client is closed by its owner.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private ClusterState awaitSharedCheck(Set<String> expected) throws Exception {
		CompletableFuture<ClusterState> check = sharedCheck(expected);
		try {
			return check.get(this.timeout.toMillis() + WAIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ex;
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private CompletableFuture<ClusterState> sharedCheck(Set<String> expected) {
		while (true) {
			CompletableFuture<ClusterState> running = this.inFlight.get();
			if (running != null) {
				return running;
			}
			CompletableFuture<ClusterState> started = new CompletableFuture<>();
			if (this.inFlight.compareAndSet(null, started)) {
				check(expected).whenComplete((state, failure) -> {
					// Cleared before completion, so that a caller woken by it starts a new check.
					this.inFlight.compareAndSet(started, null);
					if (failure != null) {
						started.completeExceptionally(failure);
					}
					else {
						started.complete(state);
					}
				});
				return started;
			}
		}
	}

	private CompletableFuture<ClusterState> check(Set<String> expected) {
		CompletableFuture<ClusterState> check;
		try {
			check = CompletableFuture.supplyAsync(this.adminClient::get, this.executor)
				.thenCompose((admin) -> describe(admin, expected));
		}
		catch (RuntimeException ex) { // executor closed
			check = CompletableFuture.failedFuture(ex);
		}
		return check.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private CompletableFuture<ClusterState> describe(Admin admin, Set<String> expected) {
		int timeoutMs = (int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis());
		DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
		CompletableFuture<String> clusterId = adapt(cluster.clusterId());
		CompletableFuture<Integer> brokers = adapt(cluster.nodes()).thenApply(Collection::size);
		CompletableFuture<Map<String, TopicState>> topics = describeTopics(admin, expected, timeoutMs);
		return clusterId.thenCombine(brokers, (id, count) -> new ClusterState(id, count, Map.of()))
			.thenCombine(topics, (state, topicStates) -> new ClusterState(state.clusterId(), state.brokers(),
					topicStates))
			.whenComplete((state, failure) -> {
				if (failure != null && ClusterFailure.kindOf(failure) == ClusterFailure.Kind.AUTHENTICATION) {
					// A fresh client re-reads the credentials, which may have been rotated.
					this.adminClient.invalidate(admin);
				}
			});
	}

	private CompletableFuture<Map<String, TopicState>> describeTopics(Admin admin, Set<String> expected,
			int timeoutMs) {
		if (expected.isEmpty()) {
			return CompletableFuture.completedFuture(Map.of());
		}
		Map<String, KafkaFuture<TopicDescription>> futures = admin
			.describeTopics(expected, new DescribeTopicsOptions().timeoutMs(timeoutMs))
			.topicNameValues();
		Map<String, CompletableFuture<TopicState>> states = new TreeMap<>();
		futures.forEach((topic, future) -> states.put(topic, adapt(future).handle(TopicState::of)));
		return CompletableFuture.allOf(states.values().toArray(CompletableFuture[]::new)).thenApply((done) -> {
			Map<String, TopicState> result = new TreeMap<>();
			states.forEach((topic, state) -> result.put(topic, state.join()));
			return result;
		});
	}

	private Map<String, Object> topicDetails(Set<String> expected, ClusterState cluster, List<String> reasons) {
		Set<String> missing = new TreeSet<>();
		Set<String> unauthorized = new TreeSet<>();
		Map<String, String> failed = new TreeMap<>();
		cluster.topics().forEach((topic, state) -> {
			switch (state.status()) {
				case MISSING -> missing.add(topic);
				case UNAUTHORIZED -> unauthorized.add(topic);
				case FAILED -> failed.put(topic, state.failure());
				case PRESENT -> {
				}
			}
		});
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("expected", expected);
		details.put("missing", missing);
		if (!missing.isEmpty()) {
			reasons.add("Topics are missing: " + missing + " (they are created at startup unless"
					+ " momentum.kafka.topics.provision=false; create them or find what deleted them)");
		}
		if (!unauthorized.isEmpty()) {
			details.put("unauthorized", unauthorized);
			reasons.add(ClusterFailure.describe(new TopicAuthorizationException(unauthorized), this.adminClient,
					this.timeout));
		}
		if (!failed.isEmpty()) {
			details.put("failed", failed);
			reasons.add("Topics could not be described: " + failed.keySet());
		}
		return details;
	}

	private Map<String, Object> containerDetails(List<String> reasons) {
		Map<String, Object> details = new TreeMap<>();
		for (MessageListenerContainer container : containers()) {
			String id = idOf(container);
			boolean running = container.isRunning();
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("running", running);
			String groupId = container.getGroupId();
			if (groupId != null) {
				detail.put("groupId", groupId);
			}
			if (container.isContainerPaused()) {
				detail.put("paused", true);
			}
			detail.put("assignedPartitions", running ? partitions(container) : List.of());
			details.put(id, detail);
			if (!running && container.isAutoStartup()) {
				reasons.add("Listener container '" + id + "' has stopped: its events are not consumed"
						+ " (see the log of org.springframework.kafka for why)");
			}
			else if (running && !container.isInExpectedState()) {
				reasons.add("A consumer of listener container '" + id + "' has stopped: some partitions are"
						+ " not consumed (see the log of org.springframework.kafka for why)");
			}
		}
		return details;
	}

	private Collection<MessageListenerContainer> containers() {
		// The same container may come from several sources: report it once.
		Set<MessageListenerContainer> containers = Collections.newSetFromMap(new IdentityHashMap<>());
		containers.addAll(this.listenerContainers.listenerContainers());
		return containers;
	}

	private static String idOf(MessageListenerContainer container) {
		String id = container.getListenerId();
		return (id != null) ? id
				: container.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(container));
	}

	private static List<String> partitions(MessageListenerContainer container) {
		Collection<TopicPartition> assigned = container.getAssignedPartitions();
		if (assigned == null) {
			return List.of();
		}
		return assigned.stream()
			.map(TopicPartition::toString)
			.sorted()
			.toList();
	}

	private static <T> CompletableFuture<T> adapt(KafkaFuture<T> future) {
		CompletableFuture<T> adapted = new CompletableFuture<>();
		future.whenComplete((value, failure) -> {
			if (failure != null) {
				adapted.completeExceptionally(failure);
			}
			else {
				adapted.complete(value);
			}
		});
		return adapted;
	}

	private record ClusterState(String clusterId, int brokers, Map<String, TopicState> topics) {
	}

	private enum TopicStatus {

		PRESENT, MISSING, UNAUTHORIZED, FAILED

	}

	private record TopicState(TopicStatus status, String failure) {

		static TopicState of(@Nullable TopicDescription description, @Nullable Throwable failure) {
			if (failure == null) {
				return new TopicState(TopicStatus.PRESENT, "");
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			if (cause instanceof UnknownTopicOrPartitionException) {
				return new TopicState(TopicStatus.MISSING, "");
			}
			if (cause instanceof TopicAuthorizationException) {
				return new TopicState(TopicStatus.UNAUTHORIZED, "");
			}
			return new TopicState(TopicStatus.FAILED, cause.getClass().getSimpleName());
		}

	}

}
