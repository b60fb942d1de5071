package io.momentum.kafka.consuming;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import io.cloudevents.CloudEvent;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.consuming.fixtures.Cashier;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CashierUpdated;
import io.momentum.kafka.consuming.fixtures.KafkaTestSupport;
import io.momentum.kafka.consuming.fixtures.Received;
import io.momentum.kafka.consuming.fixtures.Received.Delivery;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.annotation.KafkaListener;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.bytes;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.dotnet;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.json;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.raw;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration event handlers against a real broker, fed with records produced by hand in every
 * input format. The event catalog is built by hand (see {@link TestCatalog}); the topics
 * auto-configuration builds the real one. {@code spring.kafka.bootstrap-servers} is set next to
 * {@code ConnectionStrings.Messaging} because mapping the latter is the connection
 * auto-configuration's job.
 */
@ExtendWith(OutputCaptureExtension.class)
class IntegrationEventConsumingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static KafkaTestSupport kafka;

	private String topic;

	@BeforeAll
	static void startBroker() {
		kafka = KafkaTestSupport.start();
	}

	@AfterAll
	static void stopBroker() {
		kafka.close();
	}

	@Test
	void everyInputFormatReachesTheHandlerWithEqualRecordsAndMetadata(TestInfo test) {
		String topic = topic(test);
		runner(topic).withBean(CreatedHandler.class).run((context) -> {
			Received received = context.getBean(Received.class);
			CashierCreated[] events = { cashierCreated(), cashierCreated(), cashierCreated(), cashierCreated(),
					cashierCreated() };
			CloudEvent binary = event("CashierCreated", events[0], "tenant/0");
			CloudEvent structured = event("CashierCreated", events[1], "tenant/1");
			String envelope = """
					{"specversion":"1.0","type":"CashierCreated","source":"appdomain-api","id":"charset-1",
					 "time":"2024-01-15T10:30:00Z","subject":"tenant/2","datacontenttype":"application/json",
					 "partitionkey":"k2","data":%s}""".formatted(new String(json(events[2])));
			String dotnetData = """
					{"tenantId":"%s","partitionKeyTest":0,"cashier":{"id":"%s","name":"%s","email":"%s",
					 "createdDate":"%s","branch":"north"}}""".formatted(events[4].tenantId(), events[4].cashier().id(),
					events[4].cashier().name(), events[4].cashier().email(), events[4].cashier().createdDate());
			List<RecordMetadata> sent = kafka.sendAll(List.of(binary(topic, "k0", binary),
					structured(topic, "k1", structured),
					raw(topic, "k2", bytes(envelope), "content-type", "application/cloudevents+json; charset=utf-8"),
					raw(topic, "k3", json(events[3]), "ce-specversion", "1.0", "ce-type", "CashierCreated", "ce-source",
							"appdomain-api", "ce-id", "hyphen-3", "ce-time", "2024-01-15T10:30:00Z", "ce-subject",
							"tenant/3", "content-type", "application/json"),
					dotnet(topic, "k4", "dotnet-4", dotnetData)));

			await().atMost(TIMEOUT).until(() -> received.size() == 5);
			Map<Object, Delivery> byEvent = received.deliveries()
				.stream()
				.collect(java.util.stream.Collectors.toMap(Delivery::event, (delivery) -> delivery));
			assertThat(byEvent).containsOnlyKeys((Object[]) events);
			assertMetadata(byEvent.get(events[0]).metadata(), binary.getId(), "CashierCreated",
					OffsetDateTime.parse("2024-01-15T10:30:00Z"), "tenant/0", "k0", sent.get(0));
			assertMetadata(byEvent.get(events[1]).metadata(), structured.getId(), "CashierCreated",
					OffsetDateTime.parse("2024-01-15T10:30:00Z"), "tenant/1", "k1", sent.get(1));
			assertMetadata(byEvent.get(events[2]).metadata(), "charset-1", "CashierCreated",
					OffsetDateTime.parse("2024-01-15T10:30:00Z"), "tenant/2", "k2", sent.get(2));
			assertMetadata(byEvent.get(events[3]).metadata(), "hyphen-3", "CashierCreated",
					OffsetDateTime.parse("2024-01-15T10:30:00Z"), "tenant/3", "k3", sent.get(3));
			assertMetadata(byEvent.get(events[4]).metadata(), "dotnet-4",
					"AppDomain.Cashiers.Contracts.IntegrationEvents.CashierCreated",
					OffsetDateTime.parse("2024-01-15T10:30:00.1234567+00:00"), "tenant/k4", "k4", sent.get(4));
			assertThat(byEvent.get(events[0]).metadata().extensions()).containsEntry("partitionkey", "key");
			assertThat(byEvent.get(events[1]).metadata().extensions()).containsEntry("partitionkey", "key");
			assertThat(byEvent.get(events[2]).metadata().extensions()).containsEntry("partitionkey", "k2");
			assertThat(byEvent.get(events[0]).metadata().headers()).containsEntry("ce_type", "CashierCreated");
			assertThat(byEvent.get(events[3]).metadata().headers()).containsEntry("ce-id", "hyphen-3");
		});
	}

	@Test
	void severalEventTypesOnOneTopicReachTheirOwnHandlers(TestInfo test) {
		String topic = topic(test);
		runner(topic).withBean(CreatedHandler.class).withBean(UpdatedHandler.class).run((context) -> {
			Received received = context.getBean(Received.class);
			CashierCreated created = cashierCreated();
			CashierUpdated updated = new CashierUpdated(created.tenantId(), created.cashier());
			kafka.sendAll(List.of(binary(topic, "k", event("CashierUpdated", updated, "s")),
					binary(topic, "k", event("CashierCreated", created, "s")),
					dotnet(topic, "k", "dotnet", new String(json(created)))));
			await().atMost(TIMEOUT).until(() -> received.size() == 3);
			assertThat(received.deliveries()).extracting(Delivery::handler, Delivery::event)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("updated", updated),
						org.assertj.core.groups.Tuple.tuple("created", created),
						org.assertj.core.groups.Tuple.tuple("created", created));
		});
	}

	@Test
	void recordsOfTypesWithoutHandlerAreSkippedCountedAndCommitted(TestInfo test) {
		String topic = topic(test);
		CountingObserver observer = new CountingObserver();
		runner(topic).withBean(CreatedHandler.class)
			.withBean(CountingObserver.class, () -> observer)
			.run((context) -> {
				Received received = context.getBean(Received.class);
				CashierCreated created = cashierCreated();
				List<RecordMetadata> sent = kafka.sendAll(List.of(
						binary(topic, "k", event("CashierUpdated", new CashierUpdated(created.tenantId(), created.cashier()), "s")),
						binary(topic, "k", event("Billing.InvoicePaid", Map.of("invoice", 1), "s")),
						binary(topic, "k", event("CashierCreated", created, "s"))));
				await().atMost(TIMEOUT).until(() -> received.size() == 1);
				assertThat(received.events()).containsExactly(created);
				await().atMost(TIMEOUT).until(() -> observer.handled.size() == 1 && observer.skipped.size() == 2);
				assertThat(observer.skipped).extracting(Consumption::cloudEventType, Consumption::eventType)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("CashierUpdated", CashierUpdated.class),
							org.assertj.core.groups.Tuple.tuple("Billing.InvoicePaid", null));
				assertThat(observer.skipped).allSatisfy((consumption) -> {
					assertThat(consumption.groupId()).isEqualTo("appdomain-api");
					assertThat(consumption.topic()).isEqualTo(topic);
				});
				assertThat(observer.handled).singleElement()
					.satisfies((consumption) -> assertThat(consumption.offset()).isEqualTo(sent.get(2).offset()));
				TopicPartition partition = new TopicPartition(topic, sent.get(2).partition());
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(kafka.committed("appdomain-api")).containsEntry(partition,
							sent.get(2).offset() + 1));
			});
	}

	@Test
	void consumptionsNameTheGroupAContainerCustomizerGaveTheContainer(TestInfo test) {
		String topic = topic(test);
		CountingObserver observer = new CountingObserver();
		runner(topic).withBean(CreatedHandler.class)
			.withBean(CountingObserver.class, () -> observer)
			.withBean(IntegrationEventContainerCustomizer.class,
					() -> (containerTopic, container) -> container.getContainerProperties().setGroupId("cashier-audit"))
			.run((context) -> {
				CashierCreated created = cashierCreated();
				RecordMetadata sent = kafka.sendAll(List.of(binary(topic, "k", event("CashierCreated", created, "s"))))
					.get(0);
				await().atMost(TIMEOUT).until(() -> observer.handled.size() == 1);
				assertThat(observer.handled).singleElement()
					.satisfies((consumption) -> assertThat(consumption.groupId()).isEqualTo("cashier-audit"));
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(kafka.committed("cashier-audit"))
						.containsEntry(new TopicPartition(topic, sent.partition()), sent.offset() + 1));
			});
	}

	@Test
	void unreadableRecordsNeverStopThePartition(TestInfo test, CapturedOutput output) {
		String topic = topic(test);
		runner(topic).withBean(CreatedHandler.class).run((context) -> {
			Received received = context.getBean(Received.class);
			CashierCreated first = cashierCreated();
			CashierCreated second = cashierCreated();
			List<RecordMetadata> sent = kafka.sendAll(List.of(binary(topic, "k", event("CashierCreated", first, "s")),
					raw(topic, "k", new byte[] { 0, 1, 2 }),
					raw(topic, "k", bytes("{\"tenantId\":\"not-a-uuid\"}"), "ce_specversion", "1.0", "ce_id", "bad-data",
							"ce_source", "s", "ce_type", "CashierCreated"),
					binary(topic, "k", event("CashierCreated", second, "s")),
					raw(topic, "k", bytes("<cashier/>"), "content-type", "application/cloudevents+json")));
			await().atMost(TIMEOUT).until(() -> received.size() == 2);
			assertThat(received.events()).containsExactly(first, second);
			RecordMetadata last = sent.get(4);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(kafka.committed("appdomain-api"))
					.containsEntry(new TopicPartition(topic, last.partition()), last.offset() + 1));
			assertThat(context.getBean(IntegrationEventListenerContainers.class).getContainer(topic).isRunning())
				.isTrue();
			String partition = topic + "-" + last.partition();
			assertThat(output).contains("Skipped unreadable record " + partition + "@" + sent.get(1).offset())
				.contains("Skipped unreadable record " + partition + "@" + sent.get(2).offset())
				.contains("does not bind to " + CashierCreated.class.getName())
				.contains("Skipped unreadable record " + partition + "@" + last.offset());
		});
	}

	@Test
	void completionStageIsAwaitedBeforeTheOffsetIsCommitted(TestInfo test) {
		String topic = topic(test);
		runner(topic).withBean(AsyncCreatedHandler.class).run((context) -> {
			AsyncCreatedHandler handler = context.getBean(AsyncCreatedHandler.class);
			RecordMetadata sent = kafka.send(binary(topic, "k", event("CashierCreated", cashierCreated(), "s")));
			CompletableFuture<Void> pending = handler.pending.poll(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
			assertThat(pending).isNotNull();
			TopicPartition partition = new TopicPartition(topic, sent.partition());
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !kafka.committed("appdomain-api").containsKey(partition));
			pending.complete(null);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(kafka.committed("appdomain-api")).containsEntry(partition,
						sent.offset() + 1));
		});
	}

	@Test
	void kafkaListenerMethodsReceiveTypedEventsAndPassOverOtherRecords(TestInfo test) {
		String topic = topic(test);
		runner(topic).withPropertyValues("momentum.kafka.consumer.enabled=false", "test.topic=" + topic,
				"spring.kafka.consumer.auto-offset-reset=earliest")
			.withBean(TypedKafkaListener.class)
			.run((context) -> {
				TypedKafkaListener listener = context.getBean(TypedKafkaListener.class);
				CashierCreated binaryEvent = cashierCreated();
				CashierCreated structuredEvent = cashierCreated();
				CashierCreated dotnetEvent = cashierCreated();
				kafka.sendAll(List.of(
						binary(topic, "k", event("CashierUpdated",
								new CashierUpdated(binaryEvent.tenantId(), binaryEvent.cashier()), "s")),
						raw(topic, "k", new byte[] { 1, 2, 3 }),
						binary(topic, "k", event("CashierCreated", binaryEvent, "s")),
						structured(topic, "k", event("CashierCreated", structuredEvent, "s")),
						dotnet(topic, "k", "dotnet", new String(json(dotnetEvent)))));
				await().atMost(TIMEOUT).until(() -> listener.received.size() == 3);
				assertThat(listener.received).containsExactly(binaryEvent, structuredEvent, dotnetEvent);
			});
	}

	private ApplicationContextRunner runner(String topic) {
		// The catalog is built by hand: the topics auto-configuration builds the real one.
		EventCatalog catalog = TestCatalog.builder()
			.add(CashierCreated.class, topic, "tenantId", (event) -> event.tenantId().toString())
			.add(CashierUpdated.class, topic, "tenantId", (event) -> event.tenantId().toString())
			.build();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=" + kafka.brokers(),
					"spring.kafka.bootstrap-servers=" + kafka.brokers(), "spring.application.name=appdomain-api",
					"momentum.kafka.consumer.auto-offset-reset=earliest")
			.withBean(EventCatalog.class, () -> catalog)
			.withBean(Received.class);
	}

	private String topic(TestInfo test) {
		return kafka.createTopic("dev.appdomain.public." + test.getTestMethod().orElseThrow().getName());
	}

	private static CashierCreated cashierCreated() {
		UUID id = UUID.randomUUID();
		return new CashierCreated(UUID.randomUUID(),
				new Cashier(id, "Cashier " + id, id + "@example.com", Instant.parse("2024-01-15T10:30:00Z")));
	}

	private static void assertMetadata(EventMetadata metadata, String id, String type, OffsetDateTime time,
			String subject, String key, RecordMetadata sent) {
		assertThat(metadata.id()).isEqualTo(id);
		assertThat(metadata.source()).isEqualTo("appdomain-api");
		assertThat(metadata.type()).isEqualTo(type);
		assertThat(metadata.time()).isEqualTo(time);
		assertThat(metadata.subject()).isEqualTo(subject);
		assertThat(metadata.key()).isEqualTo(key);
		assertThat(metadata.topic()).isEqualTo(sent.topic());
		assertThat(metadata.partition()).isEqualTo(sent.partition());
		assertThat(metadata.offset()).isEqualTo(sent.offset());
	}

	static class CreatedHandler {

		private final Received received;

		CreatedHandler(Received received) {
			this.received = received;
		}

		@IntegrationEventHandler
		void on(CashierCreated event, EventMetadata metadata) {
			this.received.add("created", event, metadata);
		}

	}

	static class UpdatedHandler {

		private final Received received;

		UpdatedHandler(Received received) {
			this.received = received;
		}

		@IntegrationEventHandler
		void on(CashierUpdated event) {
			this.received.add("updated", event, null);
		}

	}

	static class AsyncCreatedHandler {

		final BlockingQueue<CompletableFuture<Void>> pending = new LinkedBlockingQueue<>();

		@IntegrationEventHandler
		CompletableFuture<Void> on(CashierCreated event) {
			CompletableFuture<Void> future = new CompletableFuture<>();
			this.pending.add(future);
			return future;
		}

	}

	static class CountingObserver implements ConsumptionObserver {

		final List<Consumption> handled = new CopyOnWriteArrayList<>();

		final List<Consumption> skipped = new CopyOnWriteArrayList<>();

		@Override
		public void onHandled(Consumption consumption) {
			this.handled.add(consumption);
		}

		@Override
		public void onSkipped(Consumption consumption) {
			this.skipped.add(consumption);
		}

	}

	static class TypedKafkaListener {

		final List<CashierCreated> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "${test.topic}", groupId = "typed-kafka-listener")
		void on(CashierCreated event) {
			this.received.add(event);
		}

	}

}
