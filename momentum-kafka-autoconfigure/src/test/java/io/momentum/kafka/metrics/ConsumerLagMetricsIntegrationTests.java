package io.momentum.kafka.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.momentum.kafka.admin.SharedAdminClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;

/**
 * {@link ConsumerLagMetrics} against a real broker, cross-checked with an independent admin
 * client, and the Prometheus names of all four meters; groups named by a supplier, as the
 * auto-configuration does with the groups of the listener containers. The broker enforces ACLs
 * (everything is allowed until a test denies something), so that a test can refuse one group
 * to the meters' admin client as a real cluster does.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsumerLagMetricsIntegrationTests {

	private static final String BROKER_LIST_PROPERTY = "momentum.test.lag.brokers";

	private static final Duration INTERVAL = Duration.ofMillis(200);

	private static EmbeddedKafkaKraftBroker broker;

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private PrometheusMeterRegistry registry;

	private SharedAdminClient adminClient;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 3);
		broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
		broker.brokerProperties(Map.of("authorizer.class.name",
				"org.apache.kafka.metadata.authorizer.StandardAuthorizer", "allow.everyone.if.no.acl.found", "true"));
		// Not spring.kafka.bootstrap-servers: it would stay set JVM-wide for later test classes
		broker.brokerListProperty(BROKER_LIST_PROPERTY);
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
		System.clearProperty(BROKER_LIST_PROPERTY);
	}

	@BeforeEach
	void setUp() {
		this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		this.adminClient = new SharedAdminClient(() -> Map.of("bootstrap.servers", broker.getBrokersAsString()));
	}

	@AfterEach
	void tearDown() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
		this.adminClient.close();
		this.registry.close();
	}

	@Test
	void whenRecordsArePublishedWhileTheConsumerIsStoppedThenLagCountsThemAndDropsToZeroOnceConsumed()
			throws Exception {
		String topic = newTopic();
		String group = "billing-api-" + topic;
		produce(topic, 30);
		consumeAllAndCommit(topic, group, 30);
		produce(topic, 250);

		bindLagMetrics(group, topic);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lagByPartition(group)).isNotEmpty()
			.isEqualTo(adminLag(topic, group)));
		assertThat(lagByPartition(group).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(250);

		consumeAllAndCommit(topic, group, 250);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByPartition(group)).hasSize(3).allSatisfy((partition, lag) -> {
				assertThat(lag).isZero();
			}));
	}

	@Test
	void groupMembersCountsTheRunningConsumersOfTheGroup() {
		String topic = newTopic();
		String group = "billing-api-" + topic;
		bindLagMetrics(group, topic);
		await().atMost(Duration.ofSeconds(10)).until(() -> members(group) == 0.0);

		runConsumer(topic, group);
		await().atMost(Duration.ofSeconds(30)).until(() -> members(group) == 1.0);

		runConsumer(topic, group);
		await().atMost(Duration.ofSeconds(30)).until(() -> members(group) == 2.0);
	}

	@Test
	void prometheusScrapeHasTheFourMeterNamesWithTheirTags() throws Exception {
		String topic = newTopic();
		String group = "billing-api-" + topic;
		produce(topic, 3);
		consumeAllAndCommit(topic, group, 3);
		produce(topic, 1);
		IntegrationEventMetrics events = new IntegrationEventMetrics(this.registry);
		events.produced(topic, "CashierCreated", ProduceOutcome.SUCCESS);
		events.consumed(topic, "CashierCreated", group, ConsumeOutcome.DEAD_LETTERED);

		bindLagMetrics(group, topic);
		await().atMost(Duration.ofSeconds(10)).until(() -> lagByPartition(group).size() == 3);

		String scrape = this.registry.scrape();
		assertThat(scrape)
			.contains("kafka_messages_produced_total{outcome=\"success\",topic=\"" + topic
					+ "\",type=\"CashierCreated\"} 1.0")
			.contains("kafka_messages_consumed_total{group=\"" + group + "\",outcome=\"dead_lettered\",topic=\""
					+ topic + "\",type=\"CashierCreated\"} 1.0")
			.containsPattern("kafka_consumer_lag\\{group=\"" + group + "\",partition=\"[0-2]\",topic=\"" + topic
					+ "\"} 1.0")
			.contains("kafka_consumer_group_members{group=\"" + group + "\"} 0.0");
	}

	@Test
	void eachGroupIsMeasuredOnItsOwnTopics() throws Exception {
		String ledger = newTopic();
		String cashiers = newTopic();
		String ledgerGroup = "billing-ledger-" + ledger;
		String cashiersGroup = "billing-cashiers-" + cashiers;
		produce(ledger, 3);
		produce(cashiers, 3);
		// Both groups committed on both topics: each is reported on its own topic only
		consumeAllAndCommit(List.of(ledger, cashiers), ledgerGroup, 6);
		consumeAllAndCommit(List.of(ledger, cashiers), cashiersGroup, 6);
		produce(ledger, 5);
		produce(cashiers, 2);

		ConsumerLagMetrics metrics = new ConsumerLagMetrics(this.adminClient,
				() -> Map.of(ledgerGroup, Set.of(ledger), cashiersGroup, Set.of(cashiers)), INTERVAL,
				Duration.ofSeconds(2));
		this.closeables.add(metrics);
		metrics.bindTo(this.registry);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(ledgerGroup)).isEqualTo(Map.of(ledger, 5L)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(cashiersGroup)).isEqualTo(Map.of(cashiers, 2L)));
		assertThat(metrics.getGroupIds()).containsExactlyInAnyOrder(ledgerGroup, cashiersGroup);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> members(ledgerGroup) == 0.0 && members(cashiersGroup) == 0.0);
	}

	@Test
	void groupsThatAppearAfterBindingAreReadAtStartWithoutWaitingAnInterval() throws Exception {
		String topic = newTopic();
		String group = "billing-api-" + topic;
		produce(topic, 4);
		consumeAllAndCommit(List.of(topic), group, 4);
		produce(topic, 6);
		AtomicReference<Map<String, Set<String>>> groups = new AtomicReference<>(Map.of());
		// Bound while the listener containers do not exist yet, as when Spring Boot binds the meters first
		ConsumerLagMetrics metrics = new ConsumerLagMetrics(this.adminClient, groups::get, Duration.ofHours(1),
				Duration.ofSeconds(2));
		this.closeables.add(metrics);
		metrics.bindTo(this.registry);
		assertThat(metrics.getGroupIds()).isEmpty();
		assertThat(this.registry.find(KafkaMeterNames.CONSUMER_GROUP_MEMBERS).meters()).isEmpty();

		groups.set(Map.of(group, Set.of(topic)));
		metrics.start();

		// The next scheduled read is an hour away: this is the read of start()
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(group)).isEqualTo(Map.of(topic, 6L)));
		assertThat(members(group)).isZero();
	}

	@Test
	void boundAndStartedMetricsReadOnceAtStartNotAlsoWhenBound() throws Exception {
		String topic = newTopic();
		String group = "billing-api-" + topic;
		produce(topic, 2);
		consumeAllAndCommit(topic, group, 2);
		produce(topic, 3);
		List<String> requests = new CopyOnWriteArrayList<>();
		SharedAdminClient recordingClient = new SharedAdminClient(
				() -> Map.of("bootstrap.servers", broker.getBrokersAsString()),
				(config) -> recording(Admin.create(config), requests));
		this.closeables.add(recordingClient);
		ConsumerLagMetrics metrics = new ConsumerLagMetrics(recordingClient, group, topic::equals,
				Duration.ofHours(1), Duration.ofSeconds(2));
		this.closeables.add(metrics);

		// What Spring does: Boot binds the meters, then the context starts the lifecycle beans
		metrics.bindTo(this.registry);
		metrics.start();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(group)).isEqualTo(Map.of(topic, 3L)));
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> Collections.frequency(requests, "listConsumerGroupOffsets") == 1);
	}

	@Test
	void metricsBoundAfterStartReadAtOnce() throws Exception {
		String topic = newTopic();
		String group = "billing-api-" + topic;
		produce(topic, 2);
		consumeAllAndCommit(topic, group, 2);
		produce(topic, 4);
		ConsumerLagMetrics metrics = new ConsumerLagMetrics(this.adminClient, group, topic::equals,
				Duration.ofHours(1), Duration.ofSeconds(2));
		this.closeables.add(metrics);

		// A registry created after the context started: there is no start() to come
		metrics.start();
		metrics.bindTo(this.registry);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(group)).isEqualTo(Map.of(topic, 4L)));
	}

	@Test
	void whenOneGroupMayNotBeReadThenTheOtherGroupsLagStillMovesAndTheRefusedGroupKeepsItsLastValues(
			CapturedOutput output) throws Exception {
		String ledger = newTopic();
		String cashiers = newTopic();
		String readable = "billing-ledger-" + ledger;
		String refused = "billing-cashiers-" + cashiers;
		produce(ledger, 3);
		produce(cashiers, 3);
		consumeAllAndCommit(ledger, readable, 3);
		consumeAllAndCommit(cashiers, refused, 3);
		produce(ledger, 1);
		produce(cashiers, 2);
		ConsumerLagMetrics metrics = new ConsumerLagMetrics(this.adminClient,
				() -> Map.of(readable, Set.of(ledger), refused, Set.of(cashiers)), INTERVAL, Duration.ofSeconds(2));
		this.closeables.add(metrics);
		metrics.bindTo(this.registry);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(lagByTopic(readable)).isEqualTo(Map.of(ledger, 1L));
			assertThat(lagByTopic(refused)).isEqualTo(Map.of(cashiers, 2L));
		});
		assertThat(members(refused)).isZero();

		// The broker now refuses to describe one group (GroupAuthorizationException for that group only)
		AclBinding denyDescribe = new AclBinding(
				new ResourcePattern(ResourceType.GROUP, refused, PatternType.LITERAL),
				new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.DESCRIBE, AclPermissionType.DENY));
		String failing = "Cannot read the consumer lag of group '" + refused + "', keeping the last values: "
				+ "Kafka authorization failed: this client may not describe consumer group '" + refused + "'";
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
			admin.createAcls(List.of(denyDescribe)).all().get();
			// Refused now: the broker's reason is in the log
			await().atMost(Duration.ofSeconds(10))
				.until(() -> output.getOut().contains("may not describe consumer group '" + refused + "'"));

			produce(cashiers, 4);
			produce(ledger, 5);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(lagByTopic(readable)).isEqualTo(Map.of(ledger, 6L)));
			// Read after the cashiers records were published: the refused group kept its last values
			assertThat(lagByTopic(refused)).isEqualTo(Map.of(cashiers, 2L));
			assertThat(members(refused)).isZero();
			assertThat(output.getOut()).doesNotContain("Cannot read the consumer lag of group '" + readable)
				.doesNotContain("Cannot read the consumer lag of groups");

			admin.deleteAcls(List.of(denyDescribe.toFilter())).all().get();
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(refused)).isEqualTo(Map.of(cashiers, 6L)));
		String recovered = "Consumer lag of group '" + refused + "' is read again";
		await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().contains(recovered));
		// Logged once when it began failing and once when it recovered, not at every read
		assertThat(occurrences(output.getOut(), failing)).isOne();
		assertThat(occurrences(output.getOut(), recovered)).isOne();
	}

	@Test
	void whenTheCoordinatorOfOneGroupNeverAnswersThenTheOtherGroupsLagStillMoves(CapturedOutput output)
			throws Exception {
		String ledger = newTopic();
		String cashiers = newTopic();
		String readable = "billing-ledger-" + ledger;
		String unanswered = "billing-cashiers-" + cashiers;
		produce(ledger, 3);
		consumeAllAndCommit(ledger, readable, 3);
		produce(ledger, 1);
		// The group's requests never complete, as when its coordinator keeps failing until the timeout
		SharedAdminClient stalling = new SharedAdminClient(
				() -> Map.of("bootstrap.servers", broker.getBrokersAsString()),
				(config) -> stallingGroup(Admin.create(config), unanswered));
		this.closeables.add(stalling);
		ConsumerLagMetrics metrics = new ConsumerLagMetrics(stalling,
				() -> Map.of(readable, Set.of(ledger), unanswered, Set.of(cashiers)), INTERVAL, Duration.ofSeconds(2));
		this.closeables.add(metrics);
		metrics.bindTo(this.registry);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(readable)).isEqualTo(Map.of(ledger, 1L)));
		produce(ledger, 5);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(lagByTopic(readable)).isEqualTo(Map.of(ledger, 6L)));
		await().atMost(Duration.ofSeconds(10)).until(() -> members(readable) == 0.0);
		assertThat(lagByTopic(unanswered)).isEmpty();
		assertThat(members(unanswered)).isNaN();
		assertThat(output.getOut()).contains("Cannot read the consumer lag of group '" + unanswered
				+ "', keeping the last values: Kafka did not answer about this group in time although it answered about the others")
			.doesNotContain("Cannot read the consumer lag of group '" + readable);
	}

	private void bindLagMetrics(String group, String topic) {
		ConsumerLagMetrics metrics = new ConsumerLagMetrics(this.adminClient, group, topic::equals, INTERVAL,
				Duration.ofSeconds(2));
		this.closeables.add(metrics);
		metrics.bindTo(this.registry);
	}

	/** An admin client that records the name of every method called on it. */
	private static Admin recording(Admin admin, List<String> requests) {
		return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] { Admin.class },
				(proxy, method, arguments) -> {
					requests.add(method.getName());
					return invoke(method, admin, arguments);
				});
	}

	/**
	 * An admin client whose results for one group never complete: its committed offsets and its
	 * description. The other groups are read from the broker.
	 */
	private static Admin stallingGroup(Admin admin, String groupId) {
		return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] { Admin.class },
				(proxy, method, arguments) -> {
					Object result = invoke(method, admin, arguments);
					if (result instanceof ListConsumerGroupOffsetsResult offsets) {
						ListConsumerGroupOffsetsResult stalled = mock(ListConsumerGroupOffsetsResult.class,
								delegatesTo(offsets));
						doReturn(new KafkaFutureImpl<>()).when(stalled).partitionsToOffsetAndMetadata(groupId);
						return stalled;
					}
					if (result instanceof DescribeConsumerGroupsResult descriptions) {
						Map<String, KafkaFuture<ConsumerGroupDescription>> futures = new LinkedHashMap<>(
								descriptions.describedGroups());
						futures.replace(groupId, new KafkaFutureImpl<>());
						return new DescribeConsumerGroupsResult(futures);
					}
					return result;
				});
	}

	private static Object invoke(Method method, Admin admin, Object[] arguments) throws Throwable {
		try {
			return method.invoke(admin, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + part.length())) {
			count++;
		}
		return count;
	}

	private Map<Integer, Long> lagByPartition(String group) {
		return this.registry.find(KafkaMeterNames.CONSUMER_LAG)
			.tag(KafkaMeterNames.GROUP, group)
			.gauges()
			.stream()
			.collect(Collectors.toMap((gauge) -> Integer.valueOf(gauge.getId().getTag(KafkaMeterNames.PARTITION)),
					(gauge) -> (long) gauge.value()));
	}

	private Map<String, Long> lagByTopic(String group) {
		return this.registry.find(KafkaMeterNames.CONSUMER_LAG)
			.tag(KafkaMeterNames.GROUP, group)
			.gauges()
			.stream()
			.collect(Collectors.groupingBy((gauge) -> gauge.getId().getTag(KafkaMeterNames.TOPIC),
					Collectors.summingLong((gauge) -> (long) gauge.value())));
	}

	private double members(String group) {
		Gauge gauge = this.registry.find(KafkaMeterNames.CONSUMER_GROUP_MEMBERS)
			.tag(KafkaMeterNames.GROUP, group)
			.gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	/** Lag computed independently, as kafka-consumer-groups.sh --describe does. */
	private static Map<Integer, Long> adminLag(String topic, String group)
			throws ExecutionException, InterruptedException {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, ListOffsetsResultInfo> ends = admin
				.listOffsets(committed.keySet()
					.stream()
					.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest())))
				.all()
				.get();
			return committed.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().topic().equals(topic))
				.collect(Collectors.toMap((entry) -> entry.getKey().partition(),
						(entry) -> ends.get(entry.getKey()).offset() - entry.getValue().offset()));
		}
	}

	private static String newTopic() {
		String topic = "dev.appdomain.public.cashiers-" + UUID.randomUUID().toString().substring(0, 8);
		broker.addTopics(new NewTopic(topic, 3, (short) 1));
		return topic;
	}

	private static void produce(String topic, int count) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < count; i++) {
				producer.send(new ProducerRecord<>(topic, "tenant-" + (i % 7), "{\"n\":" + i + "}"));
			}
			producer.flush();
		}
	}

	private static void consumeAllAndCommit(String topic, String group, int expected) {
		consumeAllAndCommit(List.of(topic), group, expected);
	}

	private static void consumeAllAndCommit(List<String> topics, String group, int expected) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(group))) {
			consumer.subscribe(topics);
			int received = 0;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received < expected && System.nanoTime() < deadline) {
				received += consumer.poll(Duration.ofMillis(200)).count();
			}
			assertThat(received).isEqualTo(expected);
			consumer.commitSync();
		}
	}

	private void runConsumer(String topic, String group) {
		AtomicBoolean running = new AtomicBoolean(true);
		Thread thread = new Thread(() -> {
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(group))) {
				consumer.subscribe(List.of(topic));
				while (running.get()) {
					consumer.poll(Duration.ofMillis(100));
				}
			}
		}, "test-consumer-" + group);
		thread.start();
		this.closeables.add(() -> {
			running.set(false);
			thread.join(10_000);
		});
	}

	private static Map<String, Object> consumerConfig(String group) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000,
				ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 500, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
	}

}
