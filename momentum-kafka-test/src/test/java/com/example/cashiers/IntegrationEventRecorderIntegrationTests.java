package com.example.cashiers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import io.momentum.kafka.test.IntegrationEventRecorder;
import io.momentum.kafka.test.MomentumKafkaTest;
import io.momentum.kafka.test.PublishedEvent;
import io.momentum.kafka.test.TestKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link IntegrationEventRecorder} in a service with its real handlers, against a real broker.
 */
@SpringBootTest(classes = CashierApplication.class)
@MomentumKafkaTest
class IntegrationEventRecorderIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private IntegrationEventPublisher publisher;

	@Autowired
	private IntegrationEventRecorder recorder;

	@Autowired
	private CashierHandlers handlers;

	@Autowired
	private TestKafkaBroker broker;

	@Value("${momentum.kafka.environment}")
	private String environment;

	@Value("${momentum.kafka.consumer.group-id}")
	private String groupId;

	@Test
	void publishedEventsAreRecordedWithTheKeyTopicAndPlaceTheyHaveOnTheWire() {
		CashierCreated created = cashierCreated("Ada");
		PublishResult result = this.publisher.publishAndWait(created);

		assertThat(this.recorder.published(CashierCreated.class)).singleElement().satisfies((published) -> {
			assertThat(published.event()).isSameAs(created);
			assertThat(published.id()).isEqualTo(result.eventId());
			assertThat(published.type()).isEqualTo("CashierCreated");
			assertThat(published.key()).isEqualTo(created.tenantId().toString());
			assertThat(published.topic()).isEqualTo(this.environment + ".appdomain.public.cashiers");
			assertThat(published.result()).isEqualTo(result);
		});
		ConsumerRecord<String, String> onTheWire = read(result);
		assertThat(onTheWire.key()).isEqualTo(created.tenantId().toString());
		assertThat(new String(onTheWire.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.isEqualTo(result.eventId());
		assertThat(this.recorder.published(CashierRenamed.class)).isEmpty();
	}

	@Test
	void awaitHandledByEventIdReturnsTheRecordTheHandlerFinished() {
		CashierCreated created = cashierCreated("Grace");
		PublishResult result = this.publisher.publishAndWait(created);

		ConsumedEvent handled = this.recorder.awaitHandled(result.eventId(), TIMEOUT);

		assertThat(this.handlers.knows(created.cashier().id())).isTrue();
		assertThat(handled.outcome()).isEqualTo(Outcome.SUCCESS);
		assertThat(handled.eventType()).isEqualTo(CashierCreated.class);
		assertThat(handled.cloudEventType()).isEqualTo("CashierCreated");
		assertThat(handled.groupId()).isEqualTo(this.groupId);
		assertThat(handled.attempts()).isOne();
		assertThat(handled.retried()).isFalse();
		assertThat(List.of(handled.topic(), handled.partition(), handled.offset()))
			.containsExactly(result.topic(), result.partition(), result.offset());
		assertThat(this.recorder.consumed(CashierCreated.class)).contains(handled);
	}

	@Test
	void awaitAllPublishedHandledWaitsForPublishesInFlightAndForTheEventsHandlersPublish() {
		CashierCreated created = cashierCreated("Edsger");
		this.publisher.publish(created);

		List<ConsumedEvent> handled = this.recorder.awaitAllPublishedHandled(TIMEOUT);

		// The handler of CashierCreated published CashierWelcomed without waiting; it was handled too.
		assertThat(this.handlers.welcomed(created.cashier().id())).isTrue();
		assertThat(this.recorder.published()).extracting(PublishedEvent::type)
			.containsExactly("CashierCreated", "CashierWelcomed");
		assertThat(handled).extracting(ConsumedEvent::eventType, ConsumedEvent::outcome)
			.containsExactly(tuple(CashierCreated.class, Outcome.SUCCESS), tuple(CashierWelcomed.class, Outcome.SUCCESS));
		assertThat(this.recorder.published(CashierWelcomed.class)).singleElement()
			.extracting(PublishedEvent::key)
			.isEqualTo(created.tenantId().toString());
	}

	@Test
	void eventWithoutHandlerHereIsSkippedAndAwaitingItsHandlingFailsWithoutWaitingForTheTimeout() {
		PublishResult result = this.publisher
			.publishAndWait(new CashierRenamed(UUID.randomUUID(), UUID.randomUUID(), "Barbara"));

		assertThat(this.recorder.awaitAllPublishedHandled(TIMEOUT)).singleElement()
			.satisfies((skipped) -> {
				assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
				assertThat(skipped.eventType()).isEqualTo(CashierRenamed.class);
				assertThat(skipped.attempts()).isZero();
			});
		long started = System.nanoTime();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitHandled(result, Duration.ofMinutes(5)))
			.withMessageStartingWith("Event CashierRenamed id " + result.eventId())
			.withMessageContaining("was skipped, no handler for its type in this application instead of handled");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(1));
	}

	@Test
	void eventOnATopicTheServiceDoesNotConsumeIsNotWaitedForAndCannotBeAwaitedAsHandled() {
		PublishResult result = this.publisher.publishAndWait(new AuditEntryWritten(UUID.randomUUID(), "opened"));

		assertThat(this.recorder.awaitAllPublishedHandled(TIMEOUT)).isEmpty();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.recorder.awaitHandled(result, TIMEOUT))
			.withMessageContaining("cannot be handled here: no listener container of this application reads topic "
					+ this.environment + ".appdomain.public.audit-entries")
			.withMessageContaining("AuditEntryWritten id " + result.eventId() + " key " + result.key() + " -> "
					+ result.topic() + "-" + result.partition() + "@" + result.offset()
					+ ": not consumed by this application");
	}

	@Test
	void awaitOfAnIdThatWasNotPublishedFailsNamingIt() {
		this.publisher.publishAndWait(cashierCreated("Alan"));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.recorder.awaitHandled("4e6f2b0e-0000-0000-0000-000000000000", TIMEOUT))
			.withMessageStartingWith("No event with id 4e6f2b0e-0000-0000-0000-000000000000 was published")
			.withMessageContaining("Published since the test method started (1):\n  CashierCreated id ");
	}

	@Test
	void eventTopicsAndTheirDeadLetterTopicsExistBeforeTheTestMethodRuns() throws Exception {
		String prefix = this.environment + ".appdomain.public.";
		try (Admin admin = Admin.create(this.broker.clientProperties())) {
			assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains(prefix + "cashiers",
					prefix + "cashiers.dead-letter", prefix + "cashier-welcomes", prefix + "cashier-welcomes.dead-letter",
					prefix + "audit-entries", prefix + "audit-entries.dead-letter");
		}
	}

	private ConsumerRecord<String, String> read(PublishResult result) {
		Map<String, Object> properties = new HashMap<>(this.broker.clientProperties());
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
			TopicPartition partition = new TopicPartition(result.topic(), result.partition());
			consumer.assign(List.of(partition));
			consumer.seek(partition, result.offset());
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					return record;
				}
			}
		}
		throw new AssertionError("No record at " + result);
	}

	private static CashierCreated cashierCreated(String name) {
		return new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), name));
	}

}
