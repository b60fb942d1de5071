package io.momentum.kafka.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.momentum.kafka.cloudevents.CloudEventMode;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.cloudevents.EventDataSerializationException;
import io.momentum.kafka.cloudevents.JacksonEventDataSerializer;
import io.momentum.kafka.partitioning.InvalidPartitionKeyException;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.NotAnEvent;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import io.momentum.kafka.publishing.fixtures.Unserializable;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.VoidSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Unit tests of the publisher's own logic on Kafka's {@link MockProducer}; what reaches a real
 * broker is asserted by {@code PublishingIntegrationTests}.
 */
class KafkaIntegrationEventPublisherTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private final MockProducer<String, byte[]> producer = mockProducer(false);

	private final List<String> outcomes = new ArrayList<>();

	private final KafkaIntegrationEventPublisher publisher = publisher(Duration.ofSeconds(5), new PublishListener() {

		@Override
		public void onSuccess(EventDescriptor descriptor, Object event, PublishResult result) {
			KafkaIntegrationEventPublisherTests.this.outcomes.add("success " + result.eventId());
		}

		@Override
		public void onFailure(EventDescriptor descriptor, Object event, IntegrationEventPublishException failure) {
			KafkaIntegrationEventPublisherTests.this.outcomes.add("failure " + failure.getEventId());
		}

	});

	@Test
	void futureCompletesOnlyWhenTheBrokerAcknowledges() {
		CashierCreated event = cashierCreated();
		CompletableFuture<PublishResult> future = this.publisher.publish(event);
		assertThat(future).isNotDone();
		ProducerRecord<String, byte[]> sent = this.producer.history().get(0);
		String id = header(sent, "ce_id");
		this.producer.completeNext();
		assertThat(future).isCompletedWithValueMatching((result) -> result.eventId().equals(id)
				&& result.type().equals("CashierCreated") && result.topic().equals(TOPIC)
				&& result.key().equals(event.tenantId().toString()) && result.partition() == 0 && result.offset() == 0);
		assertThat(this.outcomes).containsExactly("success " + id);
	}

	@Test
	void unacknowledgedEventFailsTheFutureSayingTheBrokerCouldNotBeReached() {
		CompletableFuture<PublishResult> future = this.publisher.publish(cashierCreated());
		String id = header(this.producer.history().get(0), "ce_id");
		this.producer.errorNext(new TimeoutException("Expiring 1 record(s) for " + TOPIC + "-0:120000 ms has passed"));
		assertThat(future).isCompletedExceptionally();
		assertThatExceptionOfType(IntegrationEventPublishException.class).isThrownBy(() -> unwrapped(future))
			.withMessageContaining(CashierCreated.class.getName())
			.withMessageContaining(id)
			.withMessageContaining(TOPIC)
			.withMessageContaining("the broker could not be reached within delivery.timeout.ms")
			.withCauseInstanceOf(TimeoutException.class);
		assertThat(this.outcomes).containsExactly("failure " + id);
	}

	@Test
	void aFailingListenerDoesNotChangeTheOutcome() {
		KafkaIntegrationEventPublisher publisher = publisher(Duration.ofSeconds(5), new PublishListener() {

			@Override
			public void onSuccess(EventDescriptor descriptor, Object event, PublishResult result) {
				throw new IllegalStateException("listener bug");
			}

		});
		CompletableFuture<PublishResult> future = publisher.publish(cashierCreated());
		this.producer.completeNext();
		assertThat(future).isCompleted().isNotCompletedExceptionally();
	}

	@Test
	void listenersHearOfEveryPublishBeforeItsOutcomeAndOfEachOutcomeOnce() {
		List<String> calls = new ArrayList<>();
		KafkaIntegrationEventPublisher publisher = publisher(Duration.ofSeconds(5), new PublishListener() {

			@Override
			public void onPublishing(EventDescriptor descriptor, Object event) {
				calls.add("publishing " + ((CashierCreated) event).cashier().name());
			}

			@Override
			public void onSuccess(EventDescriptor descriptor, Object event, PublishResult result) {
				calls.add("success " + ((CashierCreated) event).cashier().name());
			}

			@Override
			public void onFailure(EventDescriptor descriptor, Object event, IntegrationEventPublishException failure) {
				calls.add("failure " + ((CashierCreated) event).cashier().name());
			}

		});
		CompletableFuture<PublishResult> sent = publisher.publish(cashierCreated("sent"));
		assertThat(calls).containsExactly("publishing sent");
		this.producer.completeNext();
		assertThat(sent).isCompleted();
		publisher.publish(new CashierCreated(null, cashier("unencodable")));
		publisher.publishAll(List.of(cashierCreated("batch-1"), new CashierCreated(null, cashier("batch-2"))));
		assertThatIllegalArgumentException().isThrownBy(() -> publisher.publish(new NotAnEvent("x")));
		assertThat(calls).containsExactly("publishing sent", "success sent", "publishing unencodable",
				"failure unencodable", "publishing batch-1", "publishing batch-2", "failure batch-1", "failure batch-2");
	}

	@Test
	void classWithoutEventTopicIsRejectedNamingTheAnnotation() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publish(new NotAnEvent("x")))
			.withMessageContaining(NotAnEvent.class.getName())
			.withMessageContaining("@io.momentum.kafka.annotation.EventTopic");
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void missingKeyComponentFailsTheFutureAndSendsNothing() {
		CompletableFuture<PublishResult> future = this.publisher.publish(new CashierCreated(null, cashier("x")));
		assertThatExceptionOfType(IntegrationEventPublishException.class).isThrownBy(() -> unwrapped(future))
			.withMessageContaining("Partition key component 'tenantId' of " + CashierCreated.class.getName())
			.withMessageEndingWith("Nothing was sent")
			.withCauseInstanceOf(InvalidPartitionKeyException.class);
		assertThat(this.producer.history()).isEmpty();
		assertThat(this.outcomes).containsExactly("failure null");
	}

	@Test
	void serializationFailureFailsTheFutureNamingTypeAndComponent() {
		CompletableFuture<PublishResult> future = this.publisher
			.publish(new Unserializable(UUID.randomUUID(), new Unserializable.Details("x")));
		assertThatExceptionOfType(IntegrationEventPublishException.class).isThrownBy(() -> unwrapped(future))
			.withMessageContaining("Could not serialize " + Unserializable.class.getName()
					+ " to JSON at component 'details.secret'")
			.withCauseInstanceOf(EventDataSerializationException.class);
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void eventLargerThanMaxRequestSizeFailsBeforeSendingWithSizeAndLimit() {
		CompletableFuture<PublishResult> future = this.publisher.publish(cashierCreated("x".repeat(1024 * 1024)));
		assertThatExceptionOfType(EventTooLargeException.class).isThrownBy(() -> unwrapped(future))
			.withMessageContaining(CashierCreated.class.getName())
			.withMessageContaining("larger than the producer's max.request.size of 1048576 bytes")
			.satisfies((ex) -> {
				assertThat(ex.getSize()).isGreaterThan(1024 * 1024);
				assertThat(ex.getMessage()).contains("is " + ex.getSize() + " bytes as a record");
				assertThat(ex.getLimit()).isEqualTo(1048576);
			});
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void observedSendsKeepRoomBelowTheLimitForTheTraceContextTheyAdd() {
		this.publisher.publish(cashierCreated("x"));
		ProducerRecord<String, byte[]> small = this.producer.history().get(0);
		int smallSize = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
				CompressionType.NONE, small.key().getBytes(StandardCharsets.UTF_8), small.value(),
				small.headers().toArray());
		// 100 bytes below the limit (the time text may be up to 3 bytes shorter or longer)
		CashierCreated nearTheLimit = cashierCreated("x".repeat(1 + 1048576 - 100 - smallSize));
		CompletableFuture<PublishResult> future = this.publisher.publish(nearTheLimit);
		if (observed()) {
			assertThatExceptionOfType(EventTooLargeException.class).isThrownBy(() -> unwrapped(future))
				.withMessageContaining("bytes of trace context that the observed send adds")
				.satisfies((ex) -> assertThat(ex.getSize()).isBetween(1048576 - 103, 1048576 - 97));
			assertThat(this.producer.history()).hasSize(1);
		}
		else {
			assertThat(this.producer.history()).hasSize(2);
		}
	}

	@Test
	void eventJustBelowTheLimitIsSent() {
		// about 1,500 bytes below the limit: room for the trace context an observed send adds
		this.publisher.publish(cashierCreated("x".repeat(1024 * 1024 - 2048)));
		assertThat(this.producer.history()).hasSize(1);
	}

	@Test
	void batchWithAnEventThatCannotBeEncodedSendsNothing() {
		List<CompletableFuture<PublishResult>> futures = this.publisher.publishAll(
				List.of(cashierCreated(), new CashierCreated(null, cashier("x")), cashierCreated()));
		assertThat(this.producer.history()).isEmpty();
		assertThat(futures).hasSize(3).allSatisfy((future) -> assertThat(future).isCompletedExceptionally());
		assertThatExceptionOfType(IntegrationEventPublishException.class).isThrownBy(() -> unwrapped(futures.get(1)))
			.withMessageContaining("Partition key component 'tenantId'");
		assertThatExceptionOfType(IntegrationEventPublishException.class).isThrownBy(() -> unwrapped(futures.get(0)))
			.withMessageContaining("was not sent: event #1 (CashierCreated) of the same batch could not be encoded");
	}

	@Test
	void batchWithAnObjectThatIsNotAnEventThrowsBeforeSendingAnything() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.publisher.publishAll(List.of(cashierCreated(), new NotAnEvent("x"))))
			.withMessageContaining(NotAnEvent.class.getName());
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void batchIsSentInOrderAndEachFutureReportsItsOwnEvent() {
		List<CashierCreated> events = List.of(cashierCreated(), cashierCreated(), cashierCreated());
		List<CompletableFuture<PublishResult>> futures = this.publisher.publishAll(events);
		assertThat(this.producer.history()).extracting(ProducerRecord::key)
			.containsExactly(events.stream().map((event) -> event.tenantId().toString()).toArray(String[]::new));
		this.producer.completeNext();
		this.producer.errorNext(new IllegalStateException("boom"));
		this.producer.completeNext();
		assertThat(futures.get(0)).isCompletedWithValueMatching((result) -> result.offset() == 0);
		assertThat(futures.get(1)).isCompletedExceptionally();
		assertThat(futures.get(2)).isCompletedWithValueMatching((result) -> result.offset() == 2);
	}

	@Test
	void publishAndWaitReturnsTheAcknowledgedResult() {
		MockProducer<String, byte[]> autoCompleting = mockProducer(true);
		KafkaIntegrationEventPublisher publisher = new KafkaIntegrationEventPublisher(TestEventCatalogs.catalog(),
				recordFactory(), new KafkaTemplate<>(new MockProducerFactory<>(() -> autoCompleting)), List.of(),
				Duration.ofSeconds(5), observed());
		PublishResult result = publisher.publishAndWait(cashierCreated());
		assertThat(result.topic()).isEqualTo(TOPIC);
		assertThat(result.eventId()).isEqualTo(header(autoCompleting.history().get(0), "ce_id"));
		assertThat(publisher.publishAllAndWait(List.of(cashierCreated(), cashierCreated())))
			.extracting(PublishResult::offset)
			.containsExactly(1L, 2L);
	}

	@Test
	void publishAndWaitGivesUpAfterTheTimeoutSayingTheEventMayStillBeWritten() {
		KafkaIntegrationEventPublisher publisher = publisher(Duration.ofMillis(100));
		assertThatExceptionOfType(IntegrationEventPublishException.class)
			.isThrownBy(() -> publisher.publishAndWait(cashierCreated()))
			.withMessageContaining("was not acknowledged within momentum.kafka.publisher.timeout (PT0.1S)")
			.withMessageContaining("it may still be written")
			.withMessageContaining(header(this.producer.history().get(0), "ce_id"));
	}

	@Test
	void publishAllAndWaitThrowsTheFirstFailureWithTheOthersSuppressed() {
		KafkaIntegrationEventPublisher publisher = publisher(Duration.ofMillis(100));
		assertThatExceptionOfType(IntegrationEventPublishException.class)
			.isThrownBy(() -> publisher.publishAllAndWait(List.of(cashierCreated(), cashierCreated())))
			.withMessageContaining("was not acknowledged")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(1));
	}

	@Test
	void closedPublisherRejectsEvents() throws Exception {
		this.publisher.destroy();
		assertThatIllegalStateException().isThrownBy(() -> this.publisher.publish(cashierCreated()))
			.withMessageContaining("The IntegrationEventPublisher is closed because its application context was closed");
		assertThatIllegalStateException().isThrownBy(() -> this.publisher.publishAll(List.of(cashierCreated())));
		assertThat(this.producer.history()).isEmpty();
	}

	@Test
	void templateIsBuiltFromTheApplicationsProducerFactoryWithStringKeysAndByteValues() {
		DefaultKafkaProducerFactory<Object, Object> application = new DefaultKafkaProducerFactory<>(
				Map.of("bootstrap.servers", "broker:9092", "acks", "all", "client.id", "billing",
						"transactional.id", "tx-1", "key.serializer", VoidSerializer.class, "value.serializer",
						VoidSerializer.class));
		ProducerFactory.Listener<Object, Object> listener = new ProducerFactory.Listener<>() {
		};
		application.addListener(listener);
		KafkaTemplate<String, byte[]> template = KafkaIntegrationEventPublisher.createTemplate(application);
		ProducerFactory<String, byte[]> factory = template.getProducerFactory();
		assertThat(factory.getConfigurationProperties()).containsEntry("bootstrap.servers", "broker:9092")
			.containsEntry("acks", "all")
			.containsEntry("client.id", "billing-integration-events")
			.containsEntry("key.serializer", StringSerializer.class)
			.containsEntry("value.serializer", ByteArraySerializer.class)
			.doesNotContainKey("transactional.id");
		assertThat(factory.transactionCapable()).isFalse();
		assertThat(factory.getKeySerializer()).isInstanceOf(StringSerializer.class);
		assertThat(factory.getValueSerializer()).isInstanceOf(ByteArraySerializer.class);
		assertThat(factory.getListeners()).containsExactly((ProducerFactory.Listener) listener);
	}

	private KafkaIntegrationEventPublisher publisher(Duration timeout, PublishListener... listeners) {
		return new KafkaIntegrationEventPublisher(TestEventCatalogs.catalog(), recordFactory(),
				new KafkaTemplate<>(new MockProducerFactory<>(() -> this.producer)), List.of(listeners), timeout,
				observed());
	}

	/**
	 * Whether the publisher under test sends through its template; {@link KafkaIntegrationEventPublisherDirectSendTests}
	 * runs every test with records handed straight to the producer.
	 */
	boolean observed() {
		return true;
	}

	/**
	 * A mock producer that, like the shared producer of a {@code DefaultKafkaProducerFactory},
	 * ignores the template's close after each send.
	 */
	private static MockProducer<String, byte[]> mockProducer(boolean autoComplete) {
		return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer()) {

			@Override
			public void close(Duration timeout) {
			}

		};
	}

	private static CloudEventRecordFactory recordFactory() {
		return new CloudEventRecordFactory(CloudEventMode.BINARY, URI.create("appdomain-api"),
				new JacksonEventDataSerializer(JsonMapper.builder().build()));
	}

	private static CashierCreated cashierCreated() {
		return cashierCreated("John Doe");
	}

	private static CashierCreated cashierCreated(String name) {
		return new CashierCreated(UUID.randomUUID(), cashier(name));
	}

	private static Cashier cashier(String name) {
		return new Cashier(UUID.randomUUID(), name, "john.doe@example.com", Instant.parse("2024-01-15T10:30:00Z"));
	}

	private static String header(ProducerRecord<String, byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	/**
	 * The outcome of a publish, failing the test (not hanging it) when the future is not completed within 5 s.
	 */
	private static PublishResult unwrapped(CompletableFuture<PublishResult> future) throws Throwable {
		try {
			return future.get(5, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw ex.getCause();
		}
	}

}
