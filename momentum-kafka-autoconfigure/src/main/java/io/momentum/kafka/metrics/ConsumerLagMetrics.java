package io.momentum.kafka.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>
 * Failures are per group: a group that cannot be read (the broker refuses to describe it, its
 * coordinator or the leader of one of its partitions does not answer in time) keeps its last
 * values while the other groups are updated. A failure that is not about one group
 * (authentication, no answer about any group) keeps the last values of every group. A warning is
 * logged once when a group begins failing (one per reason, naming the groups) and an info line
 * once when it is read again.
 * <p>
 * One daemon thread of its own does the reads, every interval from one interval after
 * {@link #bindTo(MeterRegistry)} on; {@link #close()} ends it. As a {@link SmartLifecycle} in a
 * phase after the listener containers ({@link #PHASE}), {@link #start()} reads at once, when the
 * containers of an application context have been created whatever the order of the beans (so
 * their groups are measured without waiting an interval), and {@link #stop()} pauses the reads
 * before the containers stop. Bound but never started (outside an application context), the first
 * read is one interval after binding.
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

	/** The groups whose last read failed; only the reading thread uses it. */
	private Set<String> failing = Set.of();

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
			// start() reads at once; bound after start() (a registry created late) there is no start() to
			// come, so read now. Either way the first periodic read is one interval away.
			if (this.running) {
				this.scheduler.execute(this::refreshQuietly);
			}
			this.scheduler.scheduleWithFixedDelay(this::refreshQuietly, this.interval.toMillis(),
					this.interval.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Read at once (if bound, else as soon as bound) and resume after {@link #stop()}: the groups
	 * of listener containers created while the application context started are measured from now
	 * on.
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
		Map<String, Exception> failures;
		try {
			failures = refresh(groups);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (Exception ex) {
			// Not about one group (authentication, no admin client, no time left): every group failed
			failures = new LinkedHashMap<>();
			for (String groupId : groups.keySet()) {
				failures.put(groupId, ex);
			}
		}
		report(groups.keySet(), failures);
	}

	/**
	 * Log the groups that began failing (one warning per reason) and those read again, once each:
	 * a group failing at every read is logged at debug level only.
	 */
	private void report(Set<String> groupIds, Map<String, Exception> failures) {
		Set<String> recovered = new LinkedHashSet<>();
		for (String groupId : groupIds) {
			if (this.failing.contains(groupId) && !failures.containsKey(groupId)) {
				recovered.add(groupId);
			}
		}
		if (!recovered.isEmpty()) {
			logger.info("Consumer lag of " + describe(recovered) + " is read again");
		}
		boolean othersRead = failures.size() < groupIds.size();
		Map<String, Set<String>> started = new LinkedHashMap<>();
		failures.forEach((groupId, failure) -> {
			if (!this.failing.contains(groupId)) {
				started.computeIfAbsent(reason(failure, othersRead), (reason) -> new LinkedHashSet<>()).add(groupId);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Consumer lag of group '" + groupId + "' still unreadable", failure);
			}
		});
		started.forEach((reason, failed) -> logger
			.warn("Cannot read the consumer lag of " + describe(failed) + ", keeping the last values: " + reason));
		this.failing = Set.copyOf(failures.keySet());
	}

	private String reason(Exception failure, boolean othersRead) {
		if (othersRead && ClusterFailure.kindOf(failure) == ClusterFailure.Kind.TIMEOUT) {
			// The cluster answered about the other groups, so it is reachable
			return "Kafka did not answer about this group in time although it answered about the others: the"
					+ " broker coordinating the group, or leading one of its partitions, is unavailable or overloaded";
		}
		return ClusterFailure.describe(failure, this.adminClient, this.timeout);
	}

	/**
	 * Read lag and membership of the groups from the cluster, within the timeout, and publish the
	 * values of every group that was read. A group that could not be read (refused, its
	 * coordinator did not answer) keeps its last values and does not stop the others.
	 * @return the failure of each group that could not be read
	 * @throws Exception when no group could be read for a reason that is not about one group:
	 * authentication failed or no admin client could be created
	 */
	private Map<String, Exception> refresh(Map<String, Predicate<String>> groups) throws Exception {
		Admin admin = this.adminClient.get();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Map<String, Exception> failures = new LinkedHashMap<>();
		try {
			Map<String, KafkaFuture<ConsumerGroupDescription>> descriptions = admin
				.describeConsumerGroups(groups.keySet(),
						new DescribeConsumerGroupsOptions().timeoutMs(remainingMillis(deadline)))
				.describedGroups();
			Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets(admin, groups, deadline,
					failures);
			Map<TopicPartition, Long> logEnd = logEndOffsets(admin, committed, deadline, failures);
			Map<String, Map<TopicPartition, Long>> lag = new LinkedHashMap<>();
			Map<String, Double> members = new LinkedHashMap<>();
			for (String groupId : groups.keySet()) {
				if (!failures.containsKey(groupId)) {
					try {
						members.put(groupId, memberCount(descriptions.get(groupId), deadline));
						lag.put(groupId, lag(committed.get(groupId), logEnd));
					}
					catch (ExecutionException | TimeoutException ex) {
						failures.put(groupId, perGroup(ex));
					}
				}
			}
			// A group that failed keeps its last values
			Map<String, Map<TopicPartition, Long>> previousLag = this.lag;
			Map<String, Double> previousMembers = this.members;
			for (String groupId : failures.keySet()) {
				if (previousLag.containsKey(groupId)) {
					lag.put(groupId, previousLag.get(groupId));
				}
				if (previousMembers.containsKey(groupId)) {
					members.put(groupId, previousMembers.get(groupId));
				}
			}
			this.members = members;
			this.lag = lag;
			return failures;
		}
		catch (ExecutionException ex) {
			if (ClusterFailure.kindOf(ex) == ClusterFailure.Kind.AUTHENTICATION) {
				this.adminClient.invalidate(admin);
			}
			throw ex;
		}
	}

	/**
	 * The failure of one group's request, unless it is not about that group: an authentication
	 * failure fails every request of the client and is thrown.
	 */
	private static Exception perGroup(Exception failure) throws ExecutionException {
		if (failure instanceof ExecutionException ex && ClusterFailure.kindOf(ex) == ClusterFailure.Kind.AUTHENTICATION) {
			throw ex;
		}
		return failure;
	}

	private static Map<TopicPartition, Long> lag(@Nullable Map<TopicPartition, OffsetAndMetadata> committed,
			Map<TopicPartition, Long> logEnd) {
		Map<TopicPartition, Long> lag = new LinkedHashMap<>();
		if (committed != null) {
			committed.forEach((partition, offset) -> {
				Long end = logEnd.get(partition);
				if (end != null) {
					lag.put(partition, Math.max(0, end - offset.offset()));
				}
			});
		}
		return lag;
	}

	/**
	 * The committed offsets of each group on its topics; a group whose offsets could not be read
	 * is left out and its failure added to {@code failures}.
	 */
	private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets(Admin admin,
			Map<String, Predicate<String>> groups, long deadline, Map<String, Exception> failures) throws Exception {
		Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
		groups.keySet().forEach((groupId) -> specs.put(groupId, new ListConsumerGroupOffsetsSpec()));
		ListConsumerGroupOffsetsResult result = admin.listConsumerGroupOffsets(specs,
				new ListConsumerGroupOffsetsOptions().timeoutMs(remainingMillis(deadline)));
		List<KafkaFuture<Map<TopicPartition, OffsetAndMetadata>>> futures = new ArrayList<>();
		groups.keySet().forEach((groupId) -> futures.add(result.partitionsToOffsetAndMetadata(groupId)));
		// The log-end offsets can only be asked for once the committed offsets are in. Once a group
		// answered, the others get at most half the time left, so that a group whose coordinator does not
		// answer leaves the answered groups time for their log-end offsets; while no group answered there
		// is nothing to keep time for.
		while (!allDone(futures) && System.nanoTime() < deadline) {
			long remaining = deadline - System.nanoTime();
			awaitAll(futures, (remaining > TimeUnit.MILLISECONDS.toNanos(1)) ? deadline - remaining / 2 : deadline);
			if (futures.stream().anyMatch((future) -> future.isDone() && !future.isCompletedExceptionally())) {
				break;
			}
		}
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
		for (Map.Entry<String, Predicate<String>> group : groups.entrySet()) {
			Map<TopicPartition, OffsetAndMetadata> offsets;
			try {
				offsets = committedOffsets(result, group.getKey());
			}
			catch (ExecutionException | TimeoutException ex) {
				failures.put(group.getKey(), perGroup(ex));
				continue;
			}
			Map<TopicPartition, OffsetAndMetadata> selected = new LinkedHashMap<>();
			offsets.forEach((partition, offset) -> {
				if (offset != null && group.getValue().test(partition.topic())) {
					selected.put(partition, offset);
				}
			});
			committed.put(group.getKey(), selected);
		}
		return committed;
	}

	private static boolean allDone(List<? extends KafkaFuture<?>> futures) {
		return futures.stream().allMatch(KafkaFuture::isDone);
	}

	/** Wait until all futures are done or the deadline passed, whatever their outcome. */
	private static void awaitAll(List<? extends KafkaFuture<?>> futures, long deadline) throws InterruptedException {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			return;
		}
		try {
			KafkaFuture.allOf(futures.toArray(KafkaFuture[]::new)).get(remaining, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// Each future's outcome is read on its own
		}
	}

	private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(ListConsumerGroupOffsetsResult result,
			String groupId) throws ExecutionException, InterruptedException, TimeoutException {
		KafkaFuture<Map<TopicPartition, OffsetAndMetadata>> offsets = result.partitionsToOffsetAndMetadata(groupId);
		if (!offsets.isDone()) {
			throw new TimeoutException("No committed offsets of group '" + groupId + "' in time");
		}
		try {
			return offsets.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return Map.of();
			}
			throw ex;
		}
	}

	/**
	 * The log-end offsets of the partitions the groups committed on. A partition whose topic is
	 * gone is left out; a group with a partition that could not be read otherwise (not
	 * authorized, no answer from its leader) fails, with the failure added to {@code failures}.
	 */
	private Map<TopicPartition, Long> logEndOffsets(Admin admin,
			Map<String, Map<TopicPartition, OffsetAndMetadata>> committed, long deadline,
			Map<String, Exception> failures) throws Exception {
		Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
		committed.values()
			.forEach((offsets) -> offsets.keySet().forEach((partition) -> request.put(partition, OffsetSpec.latest())));
		if (request.isEmpty()) {
			return Map.of();
		}
		ListOffsetsResult result = admin.listOffsets(request,
				new ListOffsetsOptions().timeoutMs(remainingMillis(deadline)));
		Map<TopicPartition, Long> ends = new LinkedHashMap<>();
		Map<TopicPartition, Exception> unreadable = new LinkedHashMap<>();
		for (TopicPartition partition : request.keySet()) {
			try {
				ListOffsetsResultInfo info = await(result.partitionResult(partition), deadline);
				ends.put(partition, info.offset());
			}
			catch (ExecutionException | TimeoutException ex) {
				if (ClusterFailure.kindOf(ex) != ClusterFailure.Kind.OTHER) {
					unreadable.put(partition, perGroup(ex));
				}
				else {
					// A deleted topic keeps its committed offsets for a while: leave it out.
					logger.debug("No log-end offset for " + partition + ": " + ex.getCause());
				}
			}
		}
		committed.forEach((groupId, offsets) -> offsets.keySet()
			.stream()
			.filter(unreadable::containsKey)
			.findFirst()
			.ifPresent((partition) -> failures.put(groupId, unreadable.get(partition))));
		return ends;
	}

	private static double memberCount(@Nullable KafkaFuture<ConsumerGroupDescription> description, long deadline)
			throws ExecutionException, InterruptedException, TimeoutException {
		if (description == null) {
			return 0;
		}
		try {
			return await(description, deadline).members().size();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return 0;
			}
			throw ex;
		}
	}

	/**
	 * The result of a future, waiting for it until the deadline at most; a result already there
	 * is taken even when the deadline has passed (another group's wait may have used the time).
	 */
	private static <T> T await(KafkaFuture<T> future, long deadline)
			throws ExecutionException, InterruptedException, TimeoutException {
		if (future.isDone()) {
			return future.get();
		}
		return future.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
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
