package io.momentum.kafka.consuming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.consuming.fixtures.KafkaTestSupport;
import io.momentum.kafka.consuming.fixtures.LedgerEntryPosted;
import io.momentum.kafka.consuming.fixtures.Received;
import io.momentum.kafka.consuming.fixtures.Received.Delivery;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer groups of integration event handlers against a real broker: one group per
 * application, partitions shared by the instances of one application, order per key, and where
 * a new group starts. The event catalog is built by hand (see {@link TestCatalog}).
 */
class ConsumerGroupIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static KafkaTestSupport kafka;

	@BeforeAll
	static void startBroker() {
		kafka = KafkaTestSupport.start();
	}

	@AfterAll
	static void stopBroker() {
		kafka.close();
	}

	@Test
	void twoApplicationsEachReceiveEveryEvent(TestInfo test) {
		String topic = topic(test);
		ApplicationContextRunner runner = application(topic).withPropertyValues(
				"momentum.kafka.consumer.auto-offset-reset=earliest");
		runner.withPropertyValues("spring.application.name=billing-api").run((billing) -> {
			runner.withPropertyValues("spring.application.name=reporting-api").run((reporting) -> {
				assertThat(container(billing, topic).getGroupId()).isEqualTo("billing-api");
				assertThat(container(reporting, topic).getGroupId()).isEqualTo("reporting-api");
				List<LedgerEntryPosted> events = send(topic, 30, 0);
				await().atMost(TIMEOUT).until(() -> received(billing).size() == 30 && received(reporting).size() == 30);
				assertThat(received(billing).events()).containsExactlyInAnyOrderElementsOf(events);
				assertThat(received(reporting).events()).containsExactlyInAnyOrderElementsOf(events);
			});
		});
	}

	@Test
	void instancesOfOneApplicationSharePartitionsAndTakeOverWhenOneCloses(TestInfo test) {
		String topic = topic(test);
		ApplicationContextRunner runner = application(topic).withPropertyValues("spring.application.name=ledger-api",
				"momentum.kafka.consumer.auto-offset-reset=earliest", "momentum.kafka.consumer.heartbeat-interval=200ms");
		List<Received> instances = new ArrayList<>();
		runner.run((first) -> {
			instances.add(received(first));
			runner.run((second) -> {
				instances.add(received(second));
				await().atMost(TIMEOUT)
					.until(() -> container(first, topic).getAssignedPartitions().size() == 3
							&& container(second, topic).getAssignedPartitions().size() == 3);
				Set<Integer> firstPartitions = partitions(container(first, topic));
				Set<Integer> secondPartitions = partitions(container(second, topic));
				assertThat(firstPartitions).doesNotContainAnyElementsOf(secondPartitions);
				List<LedgerEntryPosted> events = send(topic, 60, 0);
				await().atMost(TIMEOUT).until(() -> received(first).size() + received(second).size() == 60);
				assertThat(received(first).events()).isNotEmpty();
				assertThat(received(second).events()).isNotEmpty();
				assertThat(received(first).deliveries()).allSatisfy(
						(delivery) -> assertThat(firstPartitions).contains(delivery.metadata().partition()));
				assertThat(received(second).deliveries()).allSatisfy(
						(delivery) -> assertThat(secondPartitions).contains(delivery.metadata().partition()));
				assertThat(allEvents(instances)).containsExactlyInAnyOrderElementsOf(events);
			});
			await().atMost(TIMEOUT).until(() -> container(first, topic).getAssignedPartitions().size() == 6);
			List<LedgerEntryPosted> later = send(topic, 60, 1);
			await().atMost(TIMEOUT).until(() -> allEvents(instances).size() == 120);
			assertThat(allEvents(instances)).doesNotHaveDuplicates().containsAll(later);
			assertThat(received(first).events()).containsAll(later);
		});
	}

	@Test
	void withConcurrencyThreeEachKeysEventsAreHandledInPublishOrder(TestInfo test) {
		String topic = topic(test);
		application(topic)
			.withPropertyValues("spring.application.name=ledger-api", "momentum.kafka.consumer.auto-offset-reset=earliest",
					"momentum.kafka.consumer.concurrency=3")
			.run((context) -> {
				assertThat(container(context, topic).getConcurrency()).isEqualTo(3);
				// Each of the three consumers must own partitions before the records arrive: one consumer that
				// gets them all first can drain the topic before the group is balanced
				await().atMost(TIMEOUT)
					.until(() -> container(context, topic).getAssignmentsByClientId().values().stream()
						.filter((partitions) -> !partitions.isEmpty())
						.count() == 3);
				List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
				for (int sequence = 0; sequence < 10; sequence++) {
					for (int account = 0; account < 50; account++) {
						LedgerEntryPosted posted = new LedgerEntryPosted("account-" + account, sequence);
						records.add(binary(topic, posted.account(), event("LedgerEntryPosted", posted, "s")));
					}
				}
				kafka.sendAll(records);
				Received received = received(context);
				await().atMost(TIMEOUT).until(() -> received.size() == 500);
				Map<String, List<Integer>> sequencesByAccount = received.events()
					.stream()
					.map(LedgerEntryPosted.class::cast)
					.collect(Collectors.groupingBy(LedgerEntryPosted::account,
							Collectors.mapping(LedgerEntryPosted::sequence, Collectors.toList())));
				assertThat(sequencesByAccount).hasSize(50)
					.allSatisfy((account, sequences) -> assertThat(sequences)
						.containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList()));
				assertThat(received.deliveries().stream().map(Delivery::thread).distinct()).hasSize(3);
			});
	}

	@Test
	void newGroupStartsAtTheEndUnlessConfiguredToReadFromTheBeginning(TestInfo test) {
		String topic = topic(test);
		List<LedgerEntryPosted> before = send(topic, 6, 0);
		ApplicationContextRunner runner = application(topic);
		runner.withPropertyValues("spring.application.name=latest-api").run((latest) -> {
			runner.withPropertyValues("spring.application.name=earliest-api",
					"momentum.kafka.consumer.auto-offset-reset=earliest").run((earliest) -> {
				await().atMost(TIMEOUT).until(() -> container(latest, topic).getAssignedPartitions().size() == 6);
				// The position of a new group is looked up right after assignment: send markers until
				// one arrives, so that the test does not race that look-up.
				List<LedgerEntryPosted> markers = new ArrayList<>();
				await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
					markers.addAll(send(topic, 1, 100 + markers.size()));
					return !received(latest).events().isEmpty();
				});
				assertThat(received(latest).events()).doesNotContainAnyElementsOf(before).isSubsetOf(markers);
				await().atMost(TIMEOUT).until(() -> received(earliest).size() == before.size() + markers.size());
				assertThat(received(earliest).events()).containsAll(before).containsAll(markers);
			});
		});
	}

	private static ApplicationContextRunner application(String topic) {
		// The catalog is built by hand: the topics auto-configuration builds the real one.
		EventCatalog catalog = TestCatalog.builder()
			.add(LedgerEntryPosted.class, topic, "account", LedgerEntryPosted::account)
			.build();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=" + kafka.brokers(),
					"spring.kafka.bootstrap-servers=" + kafka.brokers())
			.withBean(EventCatalog.class, () -> catalog)
			.withBean(Received.class)
			.withBean(LedgerHandler.class);
	}

	private static String topic(TestInfo test) {
		return kafka.createTopic("dev.appdomain.public." + test.getTestMethod().orElseThrow().getName());
	}

	/**
	 * Send {@code count} events, each with its own key, marked with the given sequence.
	 */
	private static List<LedgerEntryPosted> send(String topic, int count, int sequence) {
		List<LedgerEntryPosted> events = IntStream.range(0, count)
			.mapToObj((i) -> new LedgerEntryPosted("account-" + sequence + "-" + i, sequence))
			.toList();
		kafka.sendAll(events.stream()
			.map((posted) -> binary(topic, posted.account(), event("LedgerEntryPosted", posted, "s")))
			.toList());
		return events;
	}

	private static ConcurrentMessageListenerContainer<byte[], byte[]> container(AssertableApplicationContext context,
			String topic) {
		return context.getBean(IntegrationEventListenerContainers.class).getContainer(topic);
	}

	private static Received received(AssertableApplicationContext context) {
		return context.getBean(Received.class);
	}

	private static Set<Integer> partitions(ConcurrentMessageListenerContainer<?, ?> container) {
		Set<Integer> partitions = new HashSet<>();
		container.getAssignedPartitions().forEach((partition) -> partitions.add(partition.partition()));
		return partitions;
	}

	private static List<Object> allEvents(List<Received> instances) {
		return instances.stream().flatMap((received) -> received.events().stream()).toList();
	}

	static class LedgerHandler {

		private final Received received;

		LedgerHandler(Received received) {
			this.received = received;
		}

		@IntegrationEventHandler
		void on(LedgerEntryPosted event, EventMetadata metadata) {
			this.received.add("ledger", event, metadata);
		}

	}

}
