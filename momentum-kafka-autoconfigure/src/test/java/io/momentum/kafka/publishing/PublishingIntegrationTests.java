package io.momentum.kafka.publishing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.momentum.kafka.autoconfigure.MomentumKafkaPublishingAutoConfiguration;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.NotAnEvent;
import io.momentum.kafka.publishing.fixtures.RawRecords;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import io.momentum.kafka.publishing.fixtures.Unserializable;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Publishing against a real broker, read back with a plain consumer and with the CloudEvents
 * SDK.
 */
class PublishingIntegrationTests {

	private static final UUID TENANT = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

	private static final CashierCreated SEED_EVENT = new CashierCreated(TENANT,
			new Cashier(UUID.fromString("456e7890-e12b-34c5-d678-901234567890"), "John Doe", "john.doe@example.com",
					Instant.parse("2024-01-15T10:30:00Z")));

	private static final String SEED_DATA = """
			{"tenantId": "123e4567-e89b-12d3-a456-426614174000",
			 "cashier": {"id": "456e7890-e12b-34c5-d678-901234567890", "name": "John Doe",
			             "email": "john.doe@example.com", "createdDate": "2024-01-15T10:30:00Z"}}
			""";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 3);
		// Spring Kafka would otherwise leave spring.kafka.bootstrap-servers set JVM-wide for later test classes
		broker.brokerListProperty("momentum.test.embedded-brokers");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void binaryModeWritesTheSeedEventAsCeHeadersAndJsonData() throws Exception {
		String topic = topic("binary");
		runner(topic).run((context) -> {
			PublishResult result = context.getBean(IntegrationEventPublisher.class)
				.publish(SEED_EVENT)
				.get(10, TimeUnit.SECONDS);
			ConsumerRecord<byte[], byte[]> record = readSeedRecord(topic);
			Map<String, String> headers = RawRecords.headers(record);
			assertThat(headers).containsExactly(Map.entry("ce_specversion", "1.0"),
					Map.entry("ce_id", result.eventId()), Map.entry("ce_source", "appdomain-api"),
					Map.entry("ce_type", "CashierCreated"), Map.entry("content-type", "application/json"),
					Map.entry("ce_subject", "tenant/" + TENANT), Map.entry("ce_time", headers.get("ce_time")),
					Map.entry("ce_partitionkey", TENANT.toString()));
			assertThat(UUID.fromString(result.eventId())).isNotNull();
			assertThat(headers.get("ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
			assertThat(OffsetDateTime.parse(headers.get("ce_time")).toInstant())
				.isEqualTo(Instant.ofEpochMilli(record.timestamp()));
			assertThat(json.readTree(record.value())).isEqualTo(json.readTree(SEED_DATA));
			assertThat(result).isEqualTo(new PublishResult(result.eventId(), "CashierCreated", topic,
					TENANT.toString(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp())));

			CloudEvent event = RawRecords.read(broker.getBrokersAsString(), topic, 1, new CloudEventDeserializer())
				.get(0)
				.value();
			assertSeedAttributes(event, result);
		});
	}

	@Test
	void structuredModeWritesTheSeedEnvelope() throws Exception {
		String topic = topic("structured");
		runner(topic).withPropertyValues("momentum.kafka.cloudevents.mode=structured").run((context) -> {
			PublishResult result = context.getBean(IntegrationEventPublisher.class)
				.publish(SEED_EVENT)
				.get(10, TimeUnit.SECONDS);
			ConsumerRecord<byte[], byte[]> record = readSeedRecord(topic);
			assertThat(RawRecords.headers(record))
				.containsExactly(Map.entry("content-type", "application/cloudevents+json"));
			String time = json.readTree(record.value()).get("time").asString();
			assertThat(OffsetDateTime.parse(time).toInstant()).isEqualTo(Instant.ofEpochMilli(record.timestamp()));
			assertThat(json.readTree(record.value())).isEqualTo(json.readTree("""
					{"specversion": "1.0", "type": "CashierCreated", "source": "appdomain-api", "id": "%s",
					 "time": "%s", "datacontenttype": "application/json",
					 "subject": "tenant/123e4567-e89b-12d3-a456-426614174000",
					 "partitionkey": "123e4567-e89b-12d3-a456-426614174000", "data": %s}
					""".formatted(result.eventId(), time, SEED_DATA)));

			CloudEvent event = RawRecords.read(broker.getBrokersAsString(), topic, 1, new CloudEventDeserializer())
				.get(0)
				.value();
			assertSeedAttributes(event, result);
		});
	}

	private static ConsumerRecord<byte[], byte[]> readSeedRecord(String topic) {
		ConsumerRecord<byte[], byte[]> record = RawRecords
			.read(broker.getBrokersAsString(), topic, 1, new ByteArrayDeserializer())
			.get(0);
		assertThat(new String(record.key())).isEqualTo(TENANT.toString());
		return record;
	}

	private static void assertSeedAttributes(CloudEvent event, PublishResult result) {
		assertThat(event.getSpecVersion()).isEqualTo(SpecVersion.V1);
		assertThat(event.getId()).isEqualTo(result.eventId());
		assertThat(event.getSource()).isEqualTo(URI.create("appdomain-api"));
		assertThat(event.getType()).isEqualTo("CashierCreated");
		assertThat(event.getTime().toInstant()).isEqualTo(result.timestamp());
		assertThat(event.getTime().getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(event.getDataContentType()).isEqualTo("application/json");
		assertThat(event.getSubject()).isEqualTo("tenant/" + TENANT);
		assertThat(event.getExtension("partitionkey")).isEqualTo(TENANT.toString());
		assertThat(event.getExtensionNames()).containsExactly("partitionkey");
		assertThat(json.readTree(event.getData().toBytes())).isEqualTo(json.readTree(SEED_DATA));
	}

	@Test
	void eventsWithTheSameKeyLandInOnePartitionInPublishOrder() throws Exception {
		String topic = topic("ordering");
		List<UUID> tenants = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			tenants.add(UUID.randomUUID());
		}
		runner(topic).run((context) -> {
			IntegrationEventPublisher publisher = context.getBean(IntegrationEventPublisher.class);
			List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				futures.add(publisher.publish(new CashierCreated(tenants.get(i % 50),
						new Cashier(UUID.randomUUID(), "seq-" + i, "c@example.com", Instant.now()))));
			}
			CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
			Map<String, PublishResult> results = new HashMap<>();
			for (CompletableFuture<PublishResult> future : futures) {
				PublishResult result = future.join();
				results.put(result.eventId(), result);
			}
			assertThat(results).hasSize(1000);

			List<ConsumerRecord<byte[], byte[]>> records = RawRecords.read(broker.getBrokersAsString(), topic, 1000,
					new ByteArrayDeserializer());
			Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = new LinkedHashMap<>();
			for (ConsumerRecord<byte[], byte[]> record : records) {
				PublishResult result = results.get(RawRecords.headers(record).get("ce_id"));
				assertThat(result.partition()).isEqualTo(record.partition());
				assertThat(result.offset()).isEqualTo(record.offset());
				byKey.computeIfAbsent(new String(record.key()), (key) -> new ArrayList<>()).add(record);
			}
			assertThat(byKey).hasSize(50);
			for (int t = 0; t < 50; t++) {
				List<ConsumerRecord<byte[], byte[]>> ofKey = byKey.get(tenants.get(t).toString());
				assertThat(ofKey.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
				List<String> order = ofKey.stream()
					.sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
					.map((record) -> json.readTree(record.value()).get("cashier").get("name").asString())
					.toList();
				List<String> expected = new ArrayList<>();
				for (int i = t; i < 1000; i += 50) {
					expected.add("seq-" + i);
				}
				assertThat(order).isEqualTo(expected);
			}
			Set<Integer> partitionsUsed = records.stream().map(ConsumerRecord::partition).collect(Collectors.toSet());
			assertThat(partitionsUsed).hasSize(3);
		});
	}

	@Test
	void batchIsWrittenInOrderAndEveryFutureReportsItsRecord() throws Exception {
		String topic = topic("batch");
		runner(topic).run((context) -> {
			List<CashierCreated> events = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				events.add(new CashierCreated(TENANT, new Cashier(UUID.randomUUID(), "seq-" + i, "c@example.com",
						Instant.now())));
			}
			List<PublishResult> results = context.getBean(IntegrationEventPublisher.class).publishAllAndWait(events);
			List<ConsumerRecord<byte[], byte[]>> records = RawRecords.read(broker.getBrokersAsString(), topic, 100,
					new ByteArrayDeserializer());
			for (int i = 0; i < 100; i++) {
				ConsumerRecord<byte[], byte[]> record = records.get(i);
				assertThat(json.readTree(record.value()).get("cashier").get("name").asString()).isEqualTo("seq-" + i);
				assertThat(results.get(i).offset()).isEqualTo(record.offset());
				assertThat(results.get(i).eventId()).isEqualTo(RawRecords.headers(record).get("ce_id"));
			}
		});
	}

	@Test
	void eventLargerThanMaxRequestSizeFailsBeforeSendingWithTypeSizeAndLimit() throws Exception {
		String topic = topic("too-large");
		runner(topic).withPropertyValues("spring.kafka.producer.properties.max.request.size=100000")
			.run((context) -> {
				CompletableFuture<PublishResult> future = context.getBean(IntegrationEventPublisher.class)
					.publish(new CashierCreated(TENANT, new Cashier(UUID.randomUUID(), "x".repeat(200_000),
							"c@example.com", Instant.now())));
				assertThat(future).failsWithin(Duration.ofSeconds(10))
					.withThrowableThat()
					.havingCause()
					.isInstanceOf(EventTooLargeException.class)
					.withMessageContaining(CashierCreated.class.getName())
					.withMessageMatching(".* is 20\\d{4} bytes as a record, larger than the producer's "
							+ "max.request.size of 100000 bytes; nothing was sent.*");
				assertThat(RawRecords.count(broker.getBrokersAsString(), topic)).isZero();
			});
	}

	@Test
	void eventThatCannotBeSerializedFailsNamingTypeAndComponent() throws Exception {
		String topic = topic("unserializable");
		runner(Map.of(Unserializable.class, topic)).run((context) -> {
			CompletableFuture<PublishResult> future = context.getBean(IntegrationEventPublisher.class)
				.publish(new Unserializable(TENANT, new Unserializable.Details("x")));
			assertThat(future).failsWithin(Duration.ofSeconds(10))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(IntegrationEventPublishException.class)
				.withMessageContaining(Unserializable.class.getName())
				.withMessageContaining("at component 'details.secret'");
			assertThat(RawRecords.count(broker.getBrokersAsString(), topic)).isZero();
		});
	}

	@Test
	void objectWithoutEventTopicIsRejectedNamingClassAndAnnotation() {
		runner(topic("not-an-event")).run((context) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> context.getBean(IntegrationEventPublisher.class).publish(new NotAnEvent("x")))
			.withMessageContaining(NotAnEvent.class.getName())
			.withMessageContaining("annotate it with @io.momentum.kafka.annotation.EventTopic"));
	}

	@Test
	void closingTheContextDeliversWhatWasPublishedAndRejectsWhatComesAfter() throws Exception {
		String topic = topic("close");
		runner(topic).run((context) -> {
			IntegrationEventPublisher publisher = context.getBean(IntegrationEventPublisher.class);
			CompletableFuture<PublishResult> inFlight = publisher.publish(SEED_EVENT);
			context.close();
			assertThat(inFlight).isCompleted();
			assertThat(inFlight.join().topic()).isEqualTo(topic);
			assertThatIllegalStateException().isThrownBy(() -> publisher.publish(SEED_EVENT))
				.withMessageContaining("The IntegrationEventPublisher is closed");
			assertThat(RawRecords.count(broker.getBrokersAsString(), topic)).isOne();
		});
	}

	private static String topic(String name) {
		String topic = "dev.appdomain.public." + name;
		broker.addTopics(new NewTopic(topic, 3, (short) 1));
		return topic;
	}

	private static ApplicationContextRunner runner(String cashierTopic) {
		return runner(Map.of(CashierCreated.class, cashierTopic));
	}

	/**
	 * A runner with the event catalog registered by hand until
	 * {@code MomentumKafkaTopicsAutoConfiguration} is merged, and spring.kafka.bootstrap-servers
	 * set by hand until the connection auto-configuration (which maps
	 * ConnectionStrings.Messaging onto it) is merged.
	 */
	private static ApplicationContextRunner runner(Map<Class<?>, String> topics) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaPublishingAutoConfiguration.class))
			.withBean(io.momentum.kafka.topic.EventCatalog.class, () -> TestEventCatalogs.catalog(topics))
			.withPropertyValues("ConnectionStrings.Messaging=" + broker.getBrokersAsString(),
					"spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
					"spring.application.name=appdomain-api");
	}

}
