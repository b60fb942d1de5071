package io.momentum.kafka.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Gauge;
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
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

import org.springframework.util.Assert;

/**
 * Consumer lag ({@value KafkaMeterNames#CONSUMER_LAG}) and group membership
 * ({@value KafkaMeterNames#CONSUMER_GROUP_MEMBERS}) of one consumer group, read from the cluster
 * on a schedule through the {@link SharedAdminClient}: the group's committed offsets, the
 * log-end offsets of those partitions, and the group description. Unlike the consumer's own
 * {@code records-lag} metric this stays correct while the consumer is stopped, rebalancing or not
 * polling.
 * <p>
 * Lag is reported for partitions of the selected topics on which the group has a committed
 * offset; a partition without one is left out (spring-kafka commits the initial position when a
 * partition is first assigned, so a running group has offsets on every partition it consumes).
 * When a refresh fails the last values stay and a warning is logged once per failure streak.
 * <p>
 * One daemon thread of its own does the refreshes; {@link #close()} stops it.
 */
public class ConsumerLagMetrics implements MeterBinder, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ConsumerLagMetrics.class);

	private final SharedAdminClient adminClient;

	private final String groupId;

	private final Predicate<String> topics;

	private final Duration interval;

	private final Duration timeout;

	private final List<MultiGauge> lagGauges = new CopyOnWriteArrayList<>();

	private final AtomicBoolean started = new AtomicBoolean();

	private final ScheduledExecutorService scheduler;

	private volatile double members = Double.NaN;

	private volatile Map<TopicPartition, Long> lag = Map.of();

	private volatile boolean failing;

	/**
	 * Create an instance.
	 * @param adminClient the admin client to read the cluster with
	 * @param groupId the consumer group
	 * @param topics which topics to report lag for (usually the event catalog's topics)
	 * @param interval time between two refreshes
	 * @param timeout longest time one refresh waits for the cluster
	 */
	public ConsumerLagMetrics(SharedAdminClient adminClient, String groupId, Predicate<String> topics,
			Duration interval, Duration timeout) {
		Assert.notNull(adminClient, "'adminClient' must not be null");
		Assert.hasText(groupId, "'groupId' must not be empty");
		Assert.notNull(topics, "'topics' must not be null");
		Assert.isTrue(interval != null && interval.toMillis() > 0, "'interval' must be positive");
		Assert.isTrue(timeout != null && timeout.toMillis() > 0, "'timeout' must be positive");
		this.adminClient = adminClient;
		this.groupId = groupId;
		this.topics = topics;
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

	@Override
	public void bindTo(MeterRegistry registry) {
		this.lagGauges.add(MultiGauge.builder(KafkaMeterNames.CONSUMER_LAG)
			.description("Records not yet consumed by the group: log-end offset minus committed offset")
			.register(registry));
		Gauge.builder(KafkaMeterNames.CONSUMER_GROUP_MEMBERS, this, (metrics) -> metrics.members)
			.description("Members of the consumer group")
			.tag(KafkaMeterNames.GROUP, this.groupId)
			.strongReference(true)
			.register(registry);
		publish();
		if (this.started.compareAndSet(false, true)) {
			this.scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, this.interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Stop refreshing. The admin client is closed by its owner.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/**
	 * The group whose lag is measured.
	 * @return the consumer group id
	 */
	public String getGroupId() {
		return this.groupId;
	}

	private void refreshQuietly() {
		try {
			refresh();
			if (this.failing) {
				logger.info("Consumer lag of group '" + this.groupId + "' is read again");
			}
			this.failing = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			if (!this.failing) {
				logger.warn("Cannot read the consumer lag of group '" + this.groupId + "', keeping the last values: "
						+ ClusterFailure.describe(ex, this.adminClient, this.timeout));
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("Consumer lag of group '" + this.groupId + "' still unreadable", ex);
			}
			this.failing = true;
		}
	}

	/**
	 * Read lag and membership from the cluster and update the meters, within the timeout.
	 * @throws Exception when the cluster did not answer in time or refused a request
	 */
	void refresh() throws Exception {
		Admin admin = this.adminClient.get();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			KafkaFuture<ConsumerGroupDescription> description = admin
				.describeConsumerGroups(List.of(this.groupId),
						new DescribeConsumerGroupsOptions().timeoutMs(remainingMillis(deadline)))
				.describedGroups()
				.get(this.groupId);
			Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(admin, deadline);
			Map<TopicPartition, Long> logEnd = logEndOffsets(admin, committed, deadline);
			Map<TopicPartition, Long> lag = new LinkedHashMap<>();
			committed.forEach((partition, offset) -> {
				Long end = logEnd.get(partition);
				if (end != null) {
					lag.put(partition, Math.max(0, end - offset.offset()));
				}
			});
			this.members = memberCount(description, deadline);
			this.lag = lag;
		}
		catch (ExecutionException ex) {
			if (ClusterFailure.kindOf(ex) == ClusterFailure.Kind.AUTHENTICATION) {
				this.adminClient.invalidate(admin);
			}
			throw ex;
		}
		publish();
	}

	private Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, long deadline) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> all;
		try {
			all = admin
				.listConsumerGroupOffsets(this.groupId,
						new ListConsumerGroupOffsetsOptions().timeoutMs(remainingMillis(deadline)))
				.partitionsToOffsetAndMetadata()
				.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException) {
				return Map.of();
			}
			throw ex;
		}
		Map<TopicPartition, OffsetAndMetadata> selected = new LinkedHashMap<>();
		all.forEach((partition, offset) -> {
			if (offset != null && this.topics.test(partition.topic())) {
				selected.put(partition, offset);
			}
		});
		return selected;
	}

	private Map<TopicPartition, Long> logEndOffsets(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed,
			long deadline) throws Exception {
		if (committed.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
		committed.keySet().forEach((partition) -> request.put(partition, OffsetSpec.latest()));
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

	private double memberCount(KafkaFuture<ConsumerGroupDescription> description, long deadline) throws Exception {
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

	private void publish() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		this.lag.forEach((partition, value) -> rows.add(MultiGauge.Row.of(Tags.of(KafkaMeterNames.GROUP,
				this.groupId, KafkaMeterNames.TOPIC, partition.topic(), KafkaMeterNames.PARTITION,
				String.valueOf(partition.partition())), value)));
		this.lagGauges.forEach((gauge) -> gauge.register(rows, true));
	}

	private static int remainingMillis(long deadline) throws TimeoutException {
		long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
		if (remaining <= 0) {
			throw new TimeoutException("Consumer lag refresh timed out");
		}
		return (int) Math.min(Integer.MAX_VALUE, remaining);
	}

}
