package io.momentum.kafka.metrics;

/**
 * Names and tags of the meters of Momentum Kafka, as Micrometer names (dot-separated). The
 * Prometheus names, with Micrometer's {@code _total} suffix on counters, are the ones Momentum's
 * documentation lists:
 * <table>
 * <caption>Meters</caption>
 * <tr><th>Micrometer name</th><th>Prometheus name</th><th>kind</th><th>tags</th></tr>
 * <tr><td>{@value #MESSAGES_PRODUCED}</td><td>{@code kafka_messages_produced_total}</td><td>counter</td>
 * <td>topic, type, outcome ({@link ProduceOutcome})</td></tr>
 * <tr><td>{@value #MESSAGES_CONSUMED}</td><td>{@code kafka_messages_consumed_total}</td><td>counter</td>
 * <td>topic, type, group, outcome ({@link ConsumeOutcome})</td></tr>
 * <tr><td>{@value #CONSUMER_LAG}</td><td>{@code kafka_consumer_lag}</td><td>gauge</td>
 * <td>group, topic, partition</td></tr>
 * <tr><td>{@value #CONSUMER_GROUP_MEMBERS}</td><td>{@code kafka_consumer_group_members}</td><td>gauge</td>
 * <td>group</td></tr>
 * </table>
 * No meter has a base unit: Prometheus would append it to the name. Tags are low-cardinality by
 * design: never a record key, an event id or a tenant.
 */
public final class KafkaMeterNames {

	/**
	 * Integration events the publisher sent, counted when the broker acknowledged
	 * ({@code outcome=success}) or refused them ({@code outcome=failure}).
	 */
	public static final String MESSAGES_PRODUCED = "kafka.messages.produced";

	/**
	 * Integration events the consumer handled, one count per outcome: {@code success} (the handler
	 * returned), {@code retried} (an attempt failed and will be retried: one count per retry),
	 * {@code dead_lettered} (sent to the dead-letter topic), {@code skipped} (no handler for the
	 * event type in this application).
	 */
	public static final String MESSAGES_CONSUMED = "kafka.messages.consumed";

	/**
	 * Records of a partition not yet consumed by the group: the partition's log-end offset minus
	 * the group's committed offset, read from the cluster (not from the consumer), so it stays
	 * correct while the consumer is stopped, rebalancing or not polling.
	 */
	public static final String CONSUMER_LAG = "kafka.consumer.lag";

	/**
	 * Members of the consumer group, from the cluster's group description: the running instances
	 * (times their listener concurrency) of the service.
	 */
	public static final String CONSUMER_GROUP_MEMBERS = "kafka.consumer.group.members";

	/** Tag: the topic name. */
	public static final String TOPIC = "topic";

	/** Tag: the CloudEvents type of the event. */
	public static final String TYPE = "type";

	/** Tag: the consumer group id. */
	public static final String GROUP = "group";

	/** Tag: the outcome, see {@link ProduceOutcome} and {@link ConsumeOutcome}. */
	public static final String OUTCOME = "outcome";

	/** Tag: the partition number. */
	public static final String PARTITION = "partition";

	private KafkaMeterNames() {
	}

}
