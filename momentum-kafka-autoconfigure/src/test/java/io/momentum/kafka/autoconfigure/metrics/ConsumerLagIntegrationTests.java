package io.momentum.kafka.autoconfigure.metrics;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.consuming.IntegrationEventConsumerCustomizer;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.consuming.fixtures.KafkaTestSupport;
import io.momentum.kafka.consuming.fixtures.LedgerEntryPosted;
import io.momentum.kafka.consuming.fixtures.Received;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.metrics.KafkaMeterNames;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which consumer groups the lag meters measure, in applications started by the auto-configurations
 * against a real broker, with Spring Boot binding the meters: the groups the integration event
 * listener containers join, none in a publish-only application. Every request of the meters goes
 * through an admin client that records it.
 */
class ConsumerLagIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Duration LAG_INTERVAL = Duration.ofMillis(100);

	private static KafkaTestSupport kafka;

	private final List<String> adminRequests = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void startBroker() {
		kafka = KafkaTestSupport.start();
	}

	@AfterAll
	static void stopBroker() {
		kafka.close();
	}

	@Test
	void publishOnlyApplicationRegistersNoLagMeterAndNeverAsksTheBrokerAboutAGroup(TestInfo test) {
		String topic = topic(test);
		application(topic).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(IntegrationEventListenerContainers.class).getContainers()).isEmpty();
			// Twenty lag intervals: the meters of the application group would have been read by now
			await().during(LAG_INTERVAL.multipliedBy(20)).atMost(TIMEOUT).until(this.adminRequests::isEmpty);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.find(KafkaMeterNames.CONSUMER_LAG).meters()).isEmpty();
			assertThat(registry.find(KafkaMeterNames.CONSUMER_GROUP_MEMBERS).meters()).isEmpty();
		});
	}

	@Test
	void groupIdChangedByAnIntegrationEventConsumerCustomizerIsTheGroupWhoseLagIsMeasured(TestInfo test) {
		String topic = topic(test);
		application(topic).withBean(Received.class)
			.withBean(LedgerHandler.class)
			.withBean(IntegrationEventConsumerCustomizer.class,
					() -> (properties) -> properties.put(ConsumerConfig.GROUP_ID_CONFIG, "billing-ledger"))
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				ConcurrentMessageListenerContainer<byte[], byte[]> container = context
					.getBean(IntegrationEventListenerContainers.class)
					.getContainer(topic);
				// Once assigned, the container committed its position on every partition
				await().atMost(TIMEOUT).until(() -> container.getAssignedPartitions().size() == 6
						&& kafka.committed("billing-ledger").size() == 6);
				await().atMost(TIMEOUT).until(() -> members(registry, "billing-ledger") == 1.0);

				container.stop();
				await().atMost(TIMEOUT).until(() -> members(registry, "billing-ledger") == 0.0);
				send(topic, 7);
				await().atMost(TIMEOUT).untilAsserted(() -> assertThat(lagByPartition(registry, "billing-ledger"))
					.hasSize(6)
					.satisfies((lag) -> assertThat(lag.values().stream().mapToLong(Long::longValue).sum())
						.isEqualTo(7)));

				container.start();
				await().atMost(TIMEOUT).until(() -> context.getBean(Received.class).size() == 7);
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(lagByPartition(registry, "billing-ledger")).hasSize(6)
						.allSatisfy((partition, lag) -> assertThat(lag).isZero()));
				assertThat(registry.find(KafkaMeterNames.CONSUMER_LAG).tag(KafkaMeterNames.GROUP, "billing-api").meters())
					.isEmpty();
				assertThat(registry.find(KafkaMeterNames.CONSUMER_GROUP_MEMBERS)
					.tag(KafkaMeterNames.GROUP, "billing-api")
					.meters()).isEmpty();
			});
	}

	private ApplicationContextRunner application(String topic) {
		// The catalog is built by hand: the topics auto-configuration builds the real one.
		EventCatalog catalog = TestCatalog.builder()
			.add(LedgerEntryPosted.class, topic, "account", LedgerEntryPosted::account)
			.build();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MetricsAutoConfiguration.class, MomentumKafkaConsumingAutoConfiguration.class,
					MomentumKafkaMetricsAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=" + kafka.brokers(),
					"spring.kafka.bootstrap-servers=" + kafka.brokers(), "spring.application.name=billing-api",
					"momentum.kafka.metrics.lag-interval=" + LAG_INTERVAL.toMillis() + "ms")
			.withBean(SimpleMeterRegistry.class)
			.withBean(EventCatalog.class, () -> catalog)
			.withBean(SharedAdminClient.class, () -> new SharedAdminClient(
					() -> Map.of("bootstrap.servers", kafka.brokers()), (config) -> recording(Admin.create(config))));
	}

	/** An admin client that records the name of every method called on it, creation included. */
	private Admin recording(Admin admin) {
		this.adminRequests.add("create");
		return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] { Admin.class },
				(proxy, method, arguments) -> {
					this.adminRequests.add(method.getName());
					try {
						return method.invoke(admin, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static String topic(TestInfo test) {
		return kafka.createTopic("dev.appdomain.public." + test.getTestMethod().orElseThrow().getName());
	}

	private static void send(String topic, int count) {
		kafka.sendAll(IntStream.range(0, count)
			.mapToObj((i) -> new LedgerEntryPosted("account-" + i, i))
			.map((posted) -> binary(topic, posted.account(), event("LedgerEntryPosted", posted, "s")))
			.toList());
	}

	private static double members(MeterRegistry registry, String group) {
		Gauge gauge = registry.find(KafkaMeterNames.CONSUMER_GROUP_MEMBERS).tag(KafkaMeterNames.GROUP, group).gauge();
		return (gauge != null) ? gauge.value() : Double.NaN;
	}

	private static Map<String, Long> lagByPartition(MeterRegistry registry, String group) {
		Map<String, Long> lag = new TreeMap<>();
		registry.find(KafkaMeterNames.CONSUMER_LAG)
			.tag(KafkaMeterNames.GROUP, group)
			.gauges()
			.forEach((gauge) -> lag.put(gauge.getId().getTag(KafkaMeterNames.PARTITION), (long) gauge.value()));
		return lag;
	}

	static class LedgerHandler {

		private final Received received;

		LedgerHandler(Received received) {
			this.received = received;
		}

		@IntegrationEventHandler
		void on(LedgerEntryPosted event) {
			this.received.add("ledger", event, null);
		}

	}

}
