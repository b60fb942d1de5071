package io.momentum.kafka.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.momentum.kafka.admin.ClusterFailure;
import io.momentum.kafka.admin.SharedAdminClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Consumer lag ({@value KafkaMeterNames#CONSUMER_LAG}) and group membership
 * ({@value KafkaMeterNames#CONSUMER_GROUP_MEMBERS}) of consumer groups, read from the cluster on a
 * schedule through the {@link SharedAdminClient}: the groups' committed offsets, the log-end
 * offsets of those partitions, and the group descriptions, in one request of each kind whatever
 * the number of groups. Unlike the consumer's own {@code records-lag} metric this stays correct
 * while the consumer is stopped, rebalancing or not polling.
 * <p>
 * The groups, each with the topics to report, are either fixed or asked for at every read
 * (usually {@code IntegrationEventListenerContainers::getTopicsByGroupId}, the groups the
 * application's listener containers actually join). While there is no group nothing is sent to
 * the cluster and no meter is registered; the meters of a group appear at the first read that
 * finds it and go when it is gone.
 * <p>
 * Lag is reported for partitions of the selected topics on which the group has a committed
 * offset; a partition without one is left out (spring-kafka commits the initial position when a
 * partition is first assigned, so a running group has offsets on every partition it consumes).
 * When a read fails the last values stay and a warning is logged once per failure streak.
 * <p>
 * One daemon thread of its own does the reads, from {@link #bindTo(MeterRegistry)} on;
 * {@link #close()} ends it. As a {@link SmartLifecycle} in a phase after the listener containers
 * ({@link #PHASE}), {@link #start()} reads at once, when the containers of an application context
 * have been created whatever the order of the beans (so their groups are measured without
 * waiting an interval), and {@link #stop()} pauses the reads before the containers stop.
 */
public class ConsumerLagMetrics implements MeterBinder, SmartLifecycle, AutoCloseable {

	/**
	 * The lifecycle phase: after the phase of Spring Kafka's listener containers, so that this
	 * starts after them and stops before them.
	 */
	public static final int PHASE = AbstractMessageListenerContainer.DEFAULT_PHASE + 1;

	private static final Log logger = LogFactory.getLog(ConsumerLagMetrics.class);

	private final SharedAdminClient adminClient;

	private final Groups groups;

	private final Duration interval;

	private final Duration timeout;

	private final List<MultiGauge> lagGauges = new CopyOnWriteArrayList<>();

	private final List<MultiGauge> memberGauges = new CopyOnWriteArrayList<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ScheduledExecutorService scheduler;

	private volatile Map<String, Double> members = Map.of();

	private volatile Map<String, Map<TopicPartition, Long>> lag = Map.of();

	private volatile boolean failing;

	private volatile boolean running;

	private volatile boolean paused;

	/**
	 * Create an instance measuring one fixed group.
	 * @param adminClient the admin client to read the cluster with
	 * @param groupId the consumer group
	 * @param topics which topics to report lag for (usually the topics the group consumes)
	 * @param interval time between two refreshes
	 * @param timeout longest time one refresh waits for the cluster
	 */
	public ConsumerLagMetrics(SharedAdminClient adminClient, String groupId, Predicate<String> topics,
			Duration interval, Duration timeout) {
		this(adminClient, fixed(groupId, topics), interval, timeout);
	}

	/**
	 * Create an instance measuring the groups a supplier names at each refresh.
	 * @param adminClient the admin client to read the cluster with
	 * @param topicsByGroupId supplies the consumer groups, each with the topics to report lag for;
	 * called at every refresh and by {@link #getGroupIds()}, so it must be cheap and must not wait;
	 * usually {@code IntegrationEventListenerContainers::getTopicsByGroupId}
	 * @param interval time between two refreshes
	 * @param timeout longest time one refresh waits for the cluster
	 */
	public ConsumerLagMetrics(SharedAdminClient adminClient,
			Supplier<? extends Map<String, ? extends Collection<String>>> topicsByGroupId, Duration interval,
			Duration timeout) {
		this(adminClient, supplied(topicsByGroupId), interval, timeout);
	}

	private ConsumerLagMetrics(SharedAdminClient adminClient, Groups groups, Duration interval, Duration timeout) {
		Assert.notNull(adminClient, "'adminClient' must not be null");
		Assert.isTrue(interval != null && interval.toMillis() > 0, "'interval' must be positive");
		Assert.isTrue(timeout != null && timeout.toMillis() > 0, "'timeout' must be positive");
		this.adminClient = adminClient;
		this.groups = groups;
		this.interval = interval;
		this.timeout = timeout;
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "momentum-kafka-lag");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.scheduler = scheduler;
	}

	private static Groups fixed(String groupId, Predicate<String> topics) {
		Assert.hasText(groupId, "'groupId' must not be empty");
		Assert.notNull(topics, "'topics' must not be null");
		Map<String, Predicate<String>> groups = Map.of(groupId, topics);
		return () -> groups;
	}

	private static Groups supplied(Supplier<? extends Map<String, ? extends Collection<String>>> topicsByGroupId) {
		Assert.notNull(topicsByGroupId, "'topicsByGroupId' must not be null");
		return () -> {
			Map<String, ? extends Collection<String>> current = topicsByGroupId.get();
			if (current == null || current.isEmpty()) {
				return Map.of();
			}
			Map<String, Predicate<String>> groups = new LinkedHashMap<>();
			current.forEach((groupId, topics) -> {
				if (StringUtils.hasText(groupId) && topics != null) {
					groups.put(groupId, Set.copyOf(topics)::contains);
				}
			});
			return groups;
		};
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.lagGauges.add(MultiGauge.builder(KafkaMeterNames.CONSUMER_LAG)
			.description("Records not yet consumed by the group: log-end offset minus committed offset")
			.register(registry));
		this.memberGauges.add(MultiGauge.builder(KafkaMeterNames.CONSUMER_GROUP_MEMBERS)
			.description("Members of the consumer group")
			.register(registry));
		publish(this.groups.current().keySet());
		if (this.scheduled.compareAndSet(false, true)) {
			this.scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, this.interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Read at once (when bound) and resume after {@link #stop()}: the groups of listener
	 * containers created while the application context started are measured from now on.
	 */
	@Override
	public void start() {
		this.paused = false;
		this.running = true;
		if (this.scheduled.get() && !this.scheduler.isShutdown()) {
			try {
				this.scheduler.execute(this::refreshQuietly);
			}
			catch (RejectedExecutionException ex) {
				// closed concurrently: nothing to read any more
			}
		}
	}

	/**
	 * Pause the reads until {@link #start()}; the meters keep their last values.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.paused = true;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Stop refreshing for good. The admin client is closed by its owner.
	 */
	@Override
	public void close() {
		this.running = false;
		this.scheduler.shutdownNow();
	}

	/**
	 * The groups whose lag is measured now.
	 * @return the consumer group ids, empty when there is none (for example an application
	 * without integration event handlers)
	 */
	public Set<String> getGroupIds() {
		return Set.copyOf(this.groups.current().keySet());
	}

	private void refreshQuietly() {
		if (this.paused) {
			return;
		}
		try {
			Map<String, Predicate<String>> groups = this.groups.current();
			if (!groups.isEmpty()) {
				refreshQuietly(groups);
			}
			publish(groups.keySet());
		}
		catch (RuntimeException ex) {
			// An exception would end the schedule for good
			logger.warn("Cannot update the consumer lag meters", ex);
		}
	}

	private void refreshQuietly(Map<String, Predicate<String>> groups) {
		try {
			refresh(groups);
			if (this.failing) {
				logger.info("Consumer lag of " + describe(groups.keySet()) + " is read again");
			}
			this.failing = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			if (!this.failing) {
				logger.warn("Cannot read the consumer lag of " + describe(groups.keySet())
						+ ", keeping the last values: " + ClusterFailure.describe(ex, this.adminClient, this.timeout));
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Consumer lag of " + describe(groups.keySet()) + " still unreadable", ex);
			}
			this.failing = true;
		}
	}

	/**
	 * Read lag and membership of the groups from the cluster, within the timeout.
	 * @throws Exception when the cluster did not answer in time or refused a request
	 */
	private void refresh(Map<String, Predicate<String>> groups) throws Exception {
		Admin admin = this.adminClient.get();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions = admin
				.describeConsumerGroups(groups.keySet(),
						new DescribeConsumerGroupsOptions().timeoutMs(remainingMillis(deadline)))
				.describedGroups();
			Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(admin, groups, deadline);
			Map<TopicPartition, Long> logEnd = logEndOffsets(admin, committed, deadline);
			Map<String, Map<TopicPartition, Long>> lag = new LinkedHashMap<>();
			committed.forEach((groupId, offsets) -> {
				Map<TopicPartition, Long> groupLag = new LinkedHashMap<>();
				offsets.forEach((partition, offset) -> {
					Long end = logEnd.get(partition);
					if (end != null) {
						groupLag.put(partition, Math.max(0, end - offset.offset()));
					}
				});
				lag.put(groupId, groupLag);
			});
			Map<String, Double> members = new LinkedHashMap<>();
			for (String groupId : groups.keySet()) {
				members.put(groupId, memberCount(descriptions.get(groupId), deadline));
			}
			this.members = members;
			this.lag = lag;
		}
		catch (ExecutionException ex) {
			if (ClusterFailure.kindOf(ex) == ClusterFailure.Kind.AUTHENTICATION) {
				this.adminClient.invalidate(admin);
			}
			throw ex;
		}
	}

	private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(Admin admin,
			Map<String, Predicate<String>> groups, long deadline) throws Exception {
		Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
		groups.keySet().forEach((groupId) -> specs.put(groupId, new ListConsumerGroupOffsetsSpec()));
		ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(specs,
				new ListConsumerGroupOffsetsOptions().timeoutMs(remainingMillis(deadline)));
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
		for (Map.Entry<String, Predicate<String>> group : groups.entrySet()) {
			Map<TopicPartition, OffsetAndMetadata> selected = new LinkedHashMap<>();
			committedOffsets(result, group.getKey(), deadline).forEach((partition, offset) -> {
				if (offset != null && group.getValue().test(partition.topic())) {
					selected.put(partition, offset);
				}
			});
			committed.put(group.getKey(), selected);
		}
		return committed;
	}

	private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(ListConsumerGroupOffsetsResult result,
			String groupId, long deadline) throws Exception {
		try {
			return result.partitionsToOffsetAndMetadata(groupId).get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return Map.of();
			}
			throw ex;
		}
	}

	private Map<TopicPartition, Long> logEndOffsets(Admin admin,
			Map<String, Map<TopicPartition, OffsetAndMetadata>> committed, long deadline) throws Exception {
		Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
		committed.values()
			.forEach((offsets) -> offsets.keySet().forEach((partition) -> request.put(partition, OffsetSpec.latest())));
		if (request.isEmpty()) {
			return Map.of();
		}
		ListOffsetsResult result = admin.listOffsets(request,
				new ListOffsetsOptions().timeoutMs(remainingMillis(deadline)));
		Map<TopicPartition, Long> ends = new LinkedHashMap<>();
		for (TopicPartition partition : request.keySet()) {
			try {
				ListOffsetsResultInfo info = result.partitionResult(partition)
					.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
				ends.put(partition, info.offset());
			}
			catch (ExecutionException ex) {
				if (ClusterFailure.kindOf(ex) != ClusterFailure.Kind.OTHER) {
					throw ex;
				}
				// A deleted topic keeps its committed offsets for a while: leave it out.
				logger.debug("No log-end offset for " + partition + ": " + ex.getCause());
			}
		}
		return ends;
	}

	private static double memberCount(@Nullable KafkaFuture<ConsumerGroupDescription> description, long deadline)
			throws Exception {
		if (description == null) {
			return 0;
		}
		try {
			return description.get(remainingMillis(deadline), TimeUnit.MILLISECONDS).members().size();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return 0;
			}
			throw ex;
		}
	}

	/**
	 * Register the rows of the given groups and remove the others: lag per partition read so far,
	 * members ({@code NaN} until the first read).
	 */
	private synchronized void publish(Set<String> groupIds) {
		List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
		List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
		Map<String, Map<TopicPartition, Long>> lag = this.lag;
		for (String groupId : groupIds) {
			lag.getOrDefault(groupId, Map.of())
				.forEach((partition, value) -> lagRows.add(MultiGauge.Row.of(Tags.of(KafkaMeterNames.GROUP, groupId,
						KafkaMeterNames.TOPIC, partition.topic(), KafkaMeterNames.PARTITION,
						String.valueOf(partition.partition())), value)));
			memberRows.add(MultiGauge.Row.of(Tags.of(KafkaMeterNames.GROUP, groupId), this,
					(metrics) -> metrics.members.getOrDefault(groupId, Double.NaN)));
		}
		this.lagGauges.forEach((gauge) -> gauge.register(lagRows, true));
		this.memberGauges.forEach((gauge) -> gauge.register(memberRows, false));
	}

	private static String describe(Set<String> groupIds) {
		return ((groupIds.size() == 1) ? "group '" : "groups '") + String.join("', '", groupIds) + "'";
	}

	private static int remainingMillis(long deadline) throws TimeoutException {
		long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		if (remaining <= 0) {
			throw new TimeoutException("Consumer lag refresh timed out");
		}
		return (int) Math.min(Integer.MAX_VALUE, remaining);
	}

	/** The groups to measure, each with its topic selection. */
	@FunctionalInterface
	private interface Groups {

		Map<String, Predicate<String>> current();

	}

}
