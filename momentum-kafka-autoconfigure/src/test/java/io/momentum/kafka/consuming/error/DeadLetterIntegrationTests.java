package io.momentum.kafka.consuming.error;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;

import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.autoconfigure.MomentumKafkaErrorHandlingAutoConfiguration;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.consuming.error.TestFailures.BusinessException;
import io.momentum.kafka.consuming.error.TestFailures.CheckedBusinessException;
import io.momentum.kafka.consuming.error.TestFailures.InvoiceRejectedException;
import io.momentum.kafka.consuming.error.TestFailures.ListedException;
import io.momentum.kafka.consuming.error.TestFailures.ListedSubclassException;
import io.momentum.kafka.consuming.error.TestFailures.TransientException;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CashierUpdated;
import io.momentum.kafka.consuming.fixtures.KafkaTestSupport;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.bytes;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.json;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries, non-retryable failures and poison records against a real broker: records are produced
 * by hand, the dead-letter topic is read with a client of its own, offsets are read from the
 * broker. The event catalog is built by hand (the topics auto-configuration builds the real one).
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String GROUP = "appdomain-api";

	private static final List<String> DLT_HEADERS = List.of(KafkaHeaders.DLT_ORIGINAL_TOPIC,
			KafkaHeaders.DLT_ORIGINAL_PARTITION, KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
			KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
			KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, KafkaHeaders.DLT_EXCEPTION_MESSAGE,
			KafkaHeaders.DLT_EXCEPTION_STACKTRACE, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER);

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
	void handlerFailingTwiceThenSucceedingIsHandledOnceAfterThreeAttempts(TestInfo test) {
		String topic = topics(test);
		runner(topic).run((context) -> {
			ScriptedHandler handler = context.getBean(ScriptedHandler.class);
			Outcomes outcomes = context.getBean(Outcomes.class);
			CashierCreated event = ScriptedHandler.event("fail-twice");
			RecordMetadata sent = kafka.send(binary(topic, "tenant-1", event("CashierCreated", event, "s")));

			await().atMost(TIMEOUT).until(() -> handler.handled.size() == 1);
			assertThat(handler.handled).containsExactly(event);
			assertThat(handler.attempts(event)).isEqualTo(3);
			assertCommitted(sent);
			assertThat(outcomes.retried).extracting(ConsumptionFailure::attempts).containsExactly(1, 2);
			assertThat(outcomes.retried).allSatisfy((failure) -> {
				assertThat(failure.exception()).isInstanceOf(TransientException.class);
				assertThat(failure.cloudEventType()).isEqualTo("CashierCreated");
				assertThat(failure.groupId()).isEqualTo(GROUP);
				assertThat(failure.offset()).isEqualTo(sent.offset());
			});
			assertThat(outcomes.handled).hasSize(1);
			assertThat(outcomes.deadLettered).isEmpty();
			assertThat(TopicReader.size(kafka.brokers(), dlt(topic))).isZero();
		});
	}

	@Test
	void alwaysFailingHandlerIsTriedMaxAttemptsThenDeadLetteredWithEveryHeader(TestInfo test, CapturedOutput output) {
		String topic = topics(test);
		runner(topic).run((context) -> {
			ScriptedHandler handler = context.getBean(ScriptedHandler.class);
			Outcomes outcomes = context.getBean(Outcomes.class);
			CashierCreated failing = ScriptedHandler.event("always");
			CashierCreated next1 = ScriptedHandler.event("ok");
			CashierCreated next2 = ScriptedHandler.event("ok");
			ProducerRecord<byte[], byte[]> original = binary(topic, "tenant-1", event("CashierCreated", failing, "s"));
			original.headers().add("x-trace", new byte[] { 1, 2, (byte) 0xff });
			List<RecordMetadata> sent = kafka.sendAll(List.of(original,
					binary(topic, "tenant-1", event("CashierCreated", next1, "s")),
					binary(topic, "tenant-1", event("CashierCreated", next2, "s"))));

			await().atMost(TIMEOUT).until(() -> handler.handled.size() == 2);
			assertThat(handler.handled).containsExactly(next1, next2);
			assertThat(handler.attempts(failing)).isEqualTo(3);
			assertCommitted(sent.get(2));
			List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.read(kafka.brokers(), dlt(topic), 1, TIMEOUT);
			assertThat(deadLetters).hasSize(1);
			ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(0);
			RecordMetadata failed = sent.get(0);
			assertThat(deadLetter.partition()).isEqualTo(failed.partition());
			assertThat(deadLetter.key()).isEqualTo(original.key());
			assertThat(deadLetter.value()).isEqualTo(original.value());
			assertOriginalHeadersKept(deadLetter, original);
			assertEachOnce(deadLetter, DLT_HEADERS);
			assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(topic);
			assertThat(intHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo(failed.partition());
			assertThat(longHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo(failed.offset());
			assertThat(longHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)).isEqualTo(failed.timestamp());
			assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE)).isEqualTo("CreateTime");
			assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(GROUP);
			assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN))
				.isEqualTo(ListenerExecutionFailedException.class.getName());
			assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
				.isEqualTo(TransientException.class.getName());
			assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
				.contains("downstream unavailable, attempt 3");
			assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
				.contains(TransientException.class.getName())
				.contains(ScriptedHandler.class.getName() + ".on");
			assertThat(intHeader(deadLetter, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).isEqualTo(3);

			assertThat(outcomes.retried).extracting(ConsumptionFailure::attempts).containsExactly(1, 2);
			assertThat(outcomes.deadLettered).singleElement().satisfies((failure) -> {
				assertThat(failure.attempts()).isEqualTo(3);
				assertThat(failure.exception()).isInstanceOf(TransientException.class);
				assertThat(failure.cloudEventType()).isEqualTo("CashierCreated");
				assertThat(failure.offset()).isEqualTo(failed.offset());
			});
			assertThat(output).contains("Record " + topic + "-" + failed.partition() + "@" + failed.offset()
					+ " of type 'CashierCreated' sent to dead-letter topic " + dlt(topic) + " after 3 attempts");

			// An operator replays the dead letter onto the topic, and it fails again.
			ProducerRecord<byte[], byte[]> replay = new ProducerRecord<>(topic, null, deadLetter.key(),
					deadLetter.value(), new RecordHeaders(deadLetter.headers().toArray()));
			RecordMetadata replayed = kafka.send(replay);
			List<ConsumerRecord<byte[], byte[]>> twice = TopicReader.read(kafka.brokers(), dlt(topic), 2, TIMEOUT);
			assertThat(twice).hasSize(2);
			ConsumerRecord<byte[], byte[]> second = twice.get(1);
			assertEachOnce(second, DLT_HEADERS);
			assertThat(second.value()).isEqualTo(original.value());
			assertThat(longHeader(second, KafkaHeaders.DLT_ORIGINAL_OFFSET)).as("the first original is kept")
				.isEqualTo(failed.offset());
			assertThat(text(second, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("attempt 6");
			assertThat(intHeader(second, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).isEqualTo(3);
			assertCommitted(replayed);
		});
	}

	@Test
	void nonRetryableFailuresAreDeadLetteredAfterOneAttempt(TestInfo test) {
		String topic = topics(test);
		runner(topic).run((context) -> {
			ScriptedHandler handler = context.getBean(ScriptedHandler.class);
			Outcomes outcomes = context.getBean(Outcomes.class);
			List<String> scripts = List.of("business", "business-subclass", "business-as-cause", "checked-business",
					"listed", "listed-subclass");
			List<CashierCreated> failing = scripts.stream().map(ScriptedHandler::event).toList();
			CashierCreated ok = ScriptedHandler.event("ok");
			List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
			failing.forEach((event) -> records.add(binary(topic, "tenant-2", event("CashierCreated", event, "s"))));
			records.add(binary(topic, "tenant-2", event("CashierCreated", ok, "s")));
			List<RecordMetadata> sent = kafka.sendAll(records);

			await().atMost(TIMEOUT).until(() -> handler.handled.size() == 1);
			List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.read(kafka.brokers(), dlt(topic), 6, TIMEOUT);
			assertThat(deadLetters).hasSize(6);
			assertThat(failing).allSatisfy((event) -> assertThat(handler.attempts(event)).isOne());
			assertThat(outcomes.retried).isEmpty();
			assertThat(deadLetters).extracting((record) -> longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET))
				.containsExactlyElementsOf(sent.subList(0, 6).stream().map(RecordMetadata::offset).toList());
			assertThat(deadLetters).extracting((record) -> text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
				.containsExactly(BusinessException.class.getName(), InvoiceRejectedException.class.getName(),
						IllegalStateException.class.getName(), CheckedBusinessException.class.getName(),
						ListedException.class.getName(), ListedSubclassException.class.getName());
			assertThat(deadLetters).allSatisfy((record) -> {
				assertThat(intHeader(record, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).isOne();
				assertEachOnce(record, DLT_HEADERS);
			});
			assertThat(outcomes.deadLettered).extracting((failure) -> (Object) failure.exception().getClass())
				.containsExactly(BusinessException.class, InvoiceRejectedException.class, IllegalStateException.class,
						CheckedBusinessException.class, ListedException.class, ListedSubclassException.class);
			assertCommitted(sent.get(6));
		});
	}

	@Test
	void poisonRecordsGoToTheDeadLetterTopicIntactBetweenGoodRecordsHandledInOrder(TestInfo test,
			CapturedOutput output) {
		String topic = topics(test);
		runner(topic).run((context) -> {
			ScriptedHandler handler = context.getBean(ScriptedHandler.class);
			Outcomes outcomes = context.getBean(Outcomes.class);
			String key = "tenant-poison";
			List<CashierCreated> good = new ArrayList<>();
			List<ProducerRecord<byte[], byte[]>> poison = new ArrayList<>();
			List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
			Runnable goodRecord = () -> {
				CashierCreated event = ScriptedHandler.event("ok");
				good.add(event);
				records.add(binary(topic, key, event("CashierCreated", event, "s")));
			};
			java.util.function.Consumer<ProducerRecord<byte[], byte[]>> poisonRecord = (record) -> {
				poison.add(record);
				records.add(record);
			};
			byte[] data = json(ScriptedHandler.event("ok"));
			goodRecord.run();
			poisonRecord.accept(raw(topic, key, new byte[] { 0, (byte) 0xff, 42, 7, (byte) 0x80 }));
			goodRecord.run();
			poisonRecord.accept(raw(topic, key,
					bytes("{\"specversion\":\"1.0\",\"type\":\"CashierCreated\",\"source\":\"s\",\"id\":\"t\",\"data\":{\"ten"),
					"content-type", "application/cloudevents+json"));
			poisonRecord.accept(binaryHeaders(topic, key, new byte[0], "empty"));
			poisonRecord.accept(binaryHeaders(topic, key, null, "tombstone"));
			goodRecord.run();
			poisonRecord.accept(raw(topic, key, data, "ce_specversion", "1.0", "ce_type", "CashierCreated",
					"ce_source", "s", "content-type", "application/json"));
			poisonRecord.accept(raw(topic, key, data, "ce_specversion", "0.3", "ce_id", "v03", "ce_type",
					"CashierCreated", "ce_source", "s", "content-type", "application/json"));
			poisonRecord.accept(binaryHeaders(topic, key, bytes("{\"tenantId\":42,\"cashier\":\"not-an-object\"}"),
					"wrong-types"));
			goodRecord.run();
			poisonRecord.accept(raw(topic, key, bytes("{\"specversion\":\"1.0\",\"source\":\"s\",\"id\":\"no-type\"}"),
					"content-type", "application/cloudevents+json"));
			poisonRecord.accept(binaryHeaders(topic, key, oversizedJsonString(1_000_000), "oversized"));
			ProducerRecord<byte[], byte[]> invalidUtf8 = binaryHeaders(topic, key, data, null);
			invalidUtf8.headers().add("ce_id", new byte[] { 'i', 'd', (byte) 0xc3, (byte) 0x28 });
			poisonRecord.accept(invalidUtf8);
			poisonRecord.accept(raw(topic, key, bytes("<cashierCreated><tenantId>1</tenantId></cashierCreated>"),
					"content-type", "application/xml"));
			poisonRecord.accept(raw(topic, key, bytes("hello"), "ce_specversion", "1.0", "ce_id", "text", "ce_type",
					"CashierCreated", "ce_source", "s", "content-type", "text/plain"));
			records.add(binary(topic, key, event("CashierUpdated",
					new CashierUpdated(UUID.randomUUID(), ScriptedHandler.event("ok").cashier()), "s")));
			goodRecord.run();
			poisonRecord.accept(binaryHeaders(topic, key, bytes("null"), "json-null"));
			poisonRecord.accept(binaryHeaders(topic, key, bytes("[1,2]"), "json-array"));
			goodRecord.run();
			List<RecordMetadata> sent = kafka.sendAll(records);
			assertThat(sent).extracting(RecordMetadata::partition).containsOnly(sent.get(0).partition());

			await().atMost(TIMEOUT).until(() -> outcomes.finished() == records.size());
			assertThat(handler.handled).containsExactlyElementsOf(good);
			List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.read(kafka.brokers(), dlt(topic),
					poison.size(), TIMEOUT);
			assertThat(poison).hasSizeGreaterThanOrEqualTo(12);
			assertThat(deadLetters).hasSize(poison.size());
			for (int i = 0; i < poison.size(); i++) {
				ProducerRecord<byte[], byte[]> sentPoison = poison.get(i);
				ConsumerRecord<byte[], byte[]> deadLetter = deadLetters.get(i);
				assertThat(deadLetter.partition()).isEqualTo(sent.get(0).partition());
				assertThat(deadLetter.key()).isEqualTo(sentPoison.key());
				assertThat(deadLetter.value()).as("value of poison record %d", i).isEqualTo(sentPoison.value());
				assertOriginalHeadersKept(deadLetter, sentPoison);
				assertEachOnce(deadLetter, DLT_HEADERS);
				assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
					.isEqualTo(UnreadableEventException.class.getName());
				assertThat(intHeader(deadLetter, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).isOne();
			}
			assertThat(outcomes.handled).hasSize(good.size());
			assertThat(outcomes.skipped).hasSize(1);
			assertThat(outcomes.deadLettered).hasSize(poison.size());
			assertThat(outcomes.retried).isEmpty();
			assertThat(records).hasSize(outcomes.handled.size() + outcomes.deadLettered.size() + outcomes.skipped.size());
			assertCommitted(sent.get(sent.size() - 1));
			assertThat(context.getBean(IntegrationEventListenerContainers.class).getContainer(topic).isRunning())
				.isTrue();
			assertThat(output).contains("Unreadable record " + topic + "-" + sent.get(1).partition() + "@"
					+ sent.get(1).offset() + " sent to dead-letter topic " + dlt(topic))
				.contains("header 'ce_id' is not valid UTF-8");
		});
	}

	@Test
	void kafkaListenerOnStringValuesIsDeadLetteredByTheSameErrorHandler(TestInfo test) {
		String topic = topics(test);
		runner(topic).withPropertyValues("momentum.kafka.consumer.enabled=false", "test.topic=" + topic,
				"spring.kafka.consumer.auto-offset-reset=earliest")
			.withBean(StringKafkaListener.class)
			.run((context) -> {
				StringKafkaListener listener = context.getBean(StringKafkaListener.class);
				CashierCreated ok = ScriptedHandler.event("ok");
				ProducerRecord<byte[], byte[]> unreadable = raw(topic, "tenant-3", bytes("{\"wrong\": \"envelope\"}"),
						"content-type", "application/json");
				kafka.sendAll(List.of(unreadable, binary(topic, "tenant-3", event("CashierCreated", ok, "s"))));
				await().atMost(TIMEOUT).until(() -> listener.received.size() == 1);
				List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.read(kafka.brokers(), dlt(topic), 1,
						TIMEOUT);
				assertThat(deadLetters).singleElement().satisfies((deadLetter) -> {
					assertThat(deadLetter.key()).isEqualTo(unreadable.key());
					assertThat(deadLetter.value()).isEqualTo(unreadable.value());
					assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("string-listener");
				});
			});
	}

	private ApplicationContextRunner runner(String topic) {
		// The catalog is built by hand: the topics auto-configuration builds the real one.
		EventCatalog catalog = TestCatalog.builder()
			.add(CashierCreated.class, topic, "tenantId", (event) -> event.tenantId().toString())
			.add(CashierUpdated.class, topic, "tenantId", (event) -> event.tenantId().toString())
			.build();
		Outcomes outcomes = new Outcomes();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class, MomentumKafkaErrorHandlingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=" + kafka.brokers(),
					"spring.kafka.bootstrap-servers=" + kafka.brokers(), "spring.application.name=" + GROUP,
					"momentum.kafka.consumer.auto-offset-reset=earliest", "momentum.kafka.retry.initial-interval=20ms",
					"momentum.kafka.retry.multiplier=2", "momentum.kafka.retry.max-interval=100ms",
					"momentum.kafka.retry.non-retryable-exceptions=" + ListedException.class.getName(),
					"momentum.kafka.retry.dead-letter-timeout=10s")
			.withBean(EventCatalog.class, () -> catalog)
			.withBean(Outcomes.class, () -> outcomes)
			.withBean(ScriptedHandler.class);
	}

	private static String topics(TestInfo test) {
		String topic = kafka.createTopic("dev.appdomain.public." + test.getTestMethod().orElseThrow().getName());
		kafka.createTopic(dlt(topic));
		return topic;
	}

	private static String dlt(String topic) {
		return topic + ".dead-letter";
	}

	/**
	 * A binary-mode record with every required attribute ({@code ce_id} unless {@code id} is
	 * null) and the given value.
	 */
	private static ProducerRecord<byte[], byte[]> binaryHeaders(String topic, String key, byte[] value, String id) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", bytes("1.0"));
		if (id != null) {
			headers.add("ce_id", bytes(id));
		}
		headers.add("ce_source", bytes("appdomain-api"));
		headers.add("ce_type", bytes("CashierCreated"));
		headers.add("content-type", bytes("application/json"));
		return new ProducerRecord<>(topic, null, bytes(key), value, headers);
	}

	private static byte[] oversizedJsonString(int size) {
		byte[] random = new byte[size * 3 / 4];
		new Random(42).nextBytes(random);
		return bytes("\"" + Base64.getEncoder().encodeToString(random) + "\"");
	}

	private static void assertCommitted(RecordMetadata last) {
		TopicPartition partition = new TopicPartition(last.topic(), last.partition());
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(kafka.committed(GROUP)).containsEntry(partition, last.offset() + 1));
	}

	private static void assertOriginalHeadersKept(ConsumerRecord<byte[], byte[]> deadLetter,
			ProducerRecord<byte[], byte[]> original) {
		Header[] originals = original.headers().toArray();
		Header[] kept = Arrays.copyOf(deadLetter.headers().toArray(), originals.length);
		for (int i = 0; i < originals.length; i++) {
			assertThat(kept[i].key()).isEqualTo(originals[i].key());
			assertThat(kept[i].value()).isEqualTo(originals[i].value());
		}
	}

	private static void assertEachOnce(ConsumerRecord<byte[], byte[]> record, List<String> names) {
		for (String name : names) {
			assertThat(StreamSupport.stream(record.headers().headers(name).spliterator(), false).count())
				.as("occurrences of header %s", name)
				.isOne();
		}
	}

	private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
		return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
	}

	private static int intHeader(ConsumerRecord<byte[], byte[]> record, String header) {
		return ByteBuffer.wrap(record.headers().lastHeader(header).value()).getInt();
	}

	private static long longHeader(ConsumerRecord<byte[], byte[]> record, String header) {
		return ByteBuffer.wrap(record.headers().lastHeader(header).value()).getLong();
	}

	static class StringKafkaListener {

		final List<CashierCreated> received = new CopyOnWriteArrayList<>();

		@KafkaListener(topics = "${test.topic}", groupId = "string-listener")
		void on(CashierCreated event) {
			this.received.add(event);
		}

	}

}
