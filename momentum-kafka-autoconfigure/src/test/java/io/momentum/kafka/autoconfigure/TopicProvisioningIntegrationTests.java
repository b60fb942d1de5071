package io.momentum.kafka.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.NewTopicCustomizer;
import io.momentum.kafka.topic.ProvisioningResult;
import io.momentum.kafka.topic.TopicProvisioner;
import io.momentum.kafka.topic.TopicProvisioningException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Topic provisioning at startup against a real broker: an application with the seed's six
 * events starts and the broker then holds exactly their topics and dead-letter topics.
 * Each test uses its own environment segment, so its topics do not meet the others'.
 */
@ExtendWith(OutputCaptureExtension.class)
class TopicProvisioningIntegrationTests {

	private static final String BROKER_LIST_PROPERTY = "momentum.test.topics.brokers";

	private static EmbeddedKafkaKraftBroker broker;

	private static Admin admin;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerListProperty(BROKER_LIST_PROPERTY);
		broker.afterPropertiesSet();
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
	}

	@AfterAll
	static void stopBroker() {
		admin.close(Duration.ofSeconds(5));
		broker.destroy();
		System.clearProperty(BROKER_LIST_PROPERTY);
	}

	private static ApplicationContextRunner application(String environment) {
		return applicationOn(broker.getBrokersAsString()).withPropertyValues(
				"momentum.kafka.environment=" + environment,
				"momentum.kafka.scan-packages=io.momentum.kafka.testevents.seed");
	}

	private static ApplicationContextRunner applicationOn(String bootstrapServers) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaTopicsAutoConfiguration.class))
			// spring.kafka.bootstrap-servers goes when the ConnectionStrings.Messaging binding lands.
			.withPropertyValues("ConnectionStrings.Messaging=" + bootstrapServers,
					"spring.kafka.bootstrap-servers=" + bootstrapServers, "spring.application.name=appdomain-api",
					"momentum.kafka.topics.provision-timeout=20s");
	}

	@Test
	void seedApplicationCreatesSixTopicsAndSixDeadLetterTopicsWithRequestedPartitions() throws Exception {
		application("seed").withPropertyValues("momentum.kafka.topics.partitions=4")
			.run((context) -> assertThat(context).hasNotFailed());
		Map<String, Integer> expected = new TreeMap<>();
		expectTopic(expected, "seed.appdomain.public.cashiers", 3);
		expectTopic(expected, "seed.billing.public.invoice-events.v2", 4);
		expectTopic(expected, "seed.appdomain.public.users", 4);
		expectTopic(expected, "seed.appdomain.internal.orders", 4);
		expectTopic(expected, "seed.appdomain.public.payments.v2", 2);
		expectTopic(expected, "seed.communications.public.notifications", 4);
		await().untilAsserted(() -> assertThat(partitionCounts("seed.")).isEqualTo(expected));
	}

	@Test
	void secondStartIsANoOp(CapturedOutput output) throws Exception {
		application("twic").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Created Kafka topics [twic.appdomain.public.cashiers (3 partitions)");
		await().untilAsserted(() -> assertThat(topicIds("twic.")).hasSize(12));
		Map<String, Uuid> topicIds = topicIds("twic.");
		int firstRunLength = output.length();
		application("twic").run((context) -> {
			assertThat(context).hasNotFailed();
			ProvisioningResult again = context.getBean(TopicProvisioner.class)
				.provision(context.getBean(EventCatalog.class));
			assertThat(again.created()).isEmpty();
			assertThat(again.existing()).hasSize(12);
		});
		String secondRun = output.toString().substring(firstRunLength);
		assertThat(secondRun).contains("Momentum Kafka integration events").doesNotContain("Created Kafka topics");
		assertThat(topicIds("twic.")).isEqualTo(topicIds);
	}

	@Test
	void existingTopicWithFewerPartitionsIsLeftAloneWithAWarning(CapturedOutput output) throws Exception {
		createTopic("warn.appdomain.public.cashiers", 1);
		application("warn").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Kafka topic 'warn.appdomain.public.cashiers' has 1 partitions but 3 are requested "
				+ "for [CashierCreated]");
		await().untilAsserted(() -> assertThat(partitionCounts("warn.appdomain.public.cashiers"))
			.containsEntry("warn.appdomain.public.cashiers", 1)
			.containsEntry("warn.appdomain.public.cashiers.dead-letter", 3));
	}

	@Test
	void missingDeadLetterTopicOfAnExistingTopicGetsAsManyPartitions() throws Exception {
		createTopic("dlt.appdomain.public.users", 5);
		application("dlt").run((context) -> assertThat(context).hasNotFailed());
		await().untilAsserted(() -> assertThat(partitionCounts("dlt.")).hasSize(12)
			.containsEntry("dlt.appdomain.public.users", 5)
			.containsEntry("dlt.appdomain.public.users.dead-letter", 5)
			.containsEntry("dlt.appdomain.internal.orders", 1)
			.containsEntry("dlt.appdomain.internal.orders.dead-letter", 1));
	}

	@Test
	void provisioningOffCreatesNothing() throws Exception {
		application("off").withPropertyValues("momentum.kafka.topics.provision=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TopicProvisioner.class));
		// A marker created afterwards proves the listing is not stale.
		createTopic("off.marker", 1);
		assertThat(topicsStartingWith("off.")).containsExactly("off.marker");
	}

	@Test
	void customizersShapeCreatedTopics() throws Exception {
		NewTopicCustomizer retention = (topic, deadLetter) -> topic
			.configs(Map.of("retention.ms", deadLetter ? "1209600000" : "86400000"));
		application("cust").withBean(NewTopicCustomizer.class, () -> retention)
			.run((context) -> assertThat(context).hasNotFailed());
		await().untilAsserted(() -> assertThat(partitionCounts("cust.")).hasSize(12));
		assertThat(topicConfig("cust.appdomain.public.users", "retention.ms")).isEqualTo("86400000");
		assertThat(topicConfig("cust.appdomain.public.users.dead-letter", "retention.ms")).isEqualTo("1209600000");
	}

	@Test
	void topicCreatedConcurrentlyByAnotherInstanceIsFine() throws Exception {
		String bootstrap = broker.getBrokersAsString();
		application("race")
			.withBean(TopicProvisioner.class,
					() -> new TopicProvisioner(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
							Duration.ofSeconds(20), RacingAdmin::new))
			.run((context) -> assertThat(context).hasNotFailed());
		await().untilAsserted(() -> assertThat(partitionCounts("race.")).hasSize(12));
	}

	@Test
	void unauthorizedCreateOfAnExistingTopicIsNotFatal(CapturedOutput output) throws Exception {
		String bootstrap = broker.getBrokersAsString();
		application("acl")
			.withBean(TopicProvisioner.class,
					() -> new TopicProvisioner(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
							Duration.ofSeconds(20), (config) -> new UnauthorizedAdmin(config, true)))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("Not authorized to create Kafka topics [acl.appdomain.public.cashiers, "
				+ "acl.appdomain.public.cashiers.dead-letter, ").contains("], but they exist: using them as they are");
	}

	@Test
	void unauthorizedCreateOfAMissingTopicFailsStartup() {
		String bootstrap = broker.getBrokersAsString();
		application("deny")
			.withBean(TopicProvisioner.class,
					() -> new TopicProvisioner(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
							Duration.ofSeconds(20), (config) -> new UnauthorizedAdmin(config, false)))
			.run((context) -> assertThatProvisioningFailure(context)
				.hasMessageContaining("Not authorized to create Kafka topics that do not exist")
				.hasMessageContaining("'deny.appdomain.public.cashiers' (for [CashierCreated])")
				.hasMessageContaining("momentum.kafka.topics.provision=false"));
	}

	@Test
	void replicationFactorAboveBrokerCountFailsStartupClearly() {
		application("rf").withPropertyValues("momentum.kafka.topics.replication-factor=3")
			.run((context) -> assertThatProvisioningFailure(context)
				.hasMessageContaining("Cannot create Kafka topic 'rf.appdomain.public.cashiers' for [CashierCreated]")
				.hasMessageContaining("replication factor")
				.hasMessageContaining("momentum.kafka.topics.*"));
	}

	@Test
	void unreachableBrokerFailsStartupWithinTheTimeout() throws IOException {
		String closedPort = "127.0.0.1:" + freePort();
		long start = System.nanoTime();
		applicationOn(closedPort)
			.withPropertyValues("momentum.kafka.scan-packages=io.momentum.kafka.testevents.seed",
					"momentum.kafka.topics.provision-timeout=2s")
			.run((context) -> assertThatProvisioningFailure(context)
				.hasMessageContaining("The Kafka cluster at [" + closedPort + "] did not")
				.hasMessageContaining("within 2000 ms (momentum.kafka.topics.provision-timeout)")
				.hasMessageContaining("ConnectionStrings.Messaging"));
		// Bounded, not a hang: the 2 s budget plus context start and admin shutdown.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
	}

	private static AbstractThrowableAssert<?, ? extends Throwable> assertThatProvisioningFailure(
			AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof TopicProvisioningException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("TopicProvisioningException in %s", context.getStartupFailure()).isNotNull();
		return assertThat(failure);
	}

	/**
	 * Create a topic and wait until the broker's metadata lists it, as a topic created by
	 * someone else long before the application starts would be.
	 */
	private static void createTopic(String name, int partitions) throws Exception {
		admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
		await().untilAsserted(() -> assertThat(partitionCounts(name)).containsEntry(name, partitions));
	}

	private static void expectTopic(Map<String, Integer> expected, String topic, int partitions) {
		expected.put(topic, partitions);
		expected.put(topic + ".dead-letter", partitions);
	}

	private static Set<String> topicsStartingWith(String prefix) throws Exception {
		return admin.listTopics()
			.names()
			.get()
			.stream()
			.filter((name) -> name.startsWith(prefix))
			.collect(Collectors.toSet());
	}

	private static Map<String, Integer> partitionCounts(String prefix) throws Exception {
		return describe(prefix, (description) -> description.partitions().size());
	}

	private static Map<String, Uuid> topicIds(String prefix) throws Exception {
		return describe(prefix, TopicDescription::topicId);
	}

	private static <T> Map<String, T> describe(String prefix, Function<TopicDescription, T> value) throws Exception {
		Set<String> names = topicsStartingWith(prefix);
		Map<String, T> result = new TreeMap<>();
		admin.describeTopics(names)
			.allTopicNames()
			.get()
			.forEach((name, description) -> result.put(name, value.apply(description)));
		return result;
	}

	private static String topicConfig(String topic, String key) throws ExecutionException, InterruptedException {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
		return config.get(key).value();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * An admin client that loses every create race: another instance creates the topics just
	 * before it, so the broker answers {@code TopicExistsException}.
	 */
	static class RacingAdmin extends ForwardingAdmin {

		RacingAdmin(Map<String, Object> configs) {
			super(configs);
		}

		@Override
		public CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options) {
			try {
				super.createTopics(newTopics, options).all().get();
			}
			catch (InterruptedException | ExecutionException ex) {
				throw new IllegalStateException(ex);
			}
			return super.createTopics(newTopics, options);
		}

	}

	/**
	 * An admin client whose principal may not create topics: the broker would answer
	 * {@code TopicAuthorizationException}. With {@code existsAnyway}, another principal creates
	 * the topics meanwhile.
	 */
	static class UnauthorizedAdmin extends ForwardingAdmin {

		private final boolean existsAnyway;

		UnauthorizedAdmin(Map<String, Object> configs, boolean existsAnyway) {
			super(configs);
			this.existsAnyway = existsAnyway;
		}

		@Override
		public CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options) {
			if (this.existsAnyway) {
				try {
					super.createTopics(newTopics, options).all().get();
				}
				catch (InterruptedException | ExecutionException ex) {
					throw new IllegalStateException(ex);
				}
			}
			Map<String, KafkaFuture<CreateTopicsResult.TopicMetadataAndConfig>> futures = newTopics.stream()
				.collect(Collectors.toMap(NewTopic::name, (topic) -> {
					KafkaFutureImpl<CreateTopicsResult.TopicMetadataAndConfig> future = new KafkaFutureImpl<>();
					future.completeExceptionally(new TopicAuthorizationException(Set.of(topic.name())));
					return future;
				}));
			return new CreateTopicsResult(futures) {
			};
		}

	}

}
