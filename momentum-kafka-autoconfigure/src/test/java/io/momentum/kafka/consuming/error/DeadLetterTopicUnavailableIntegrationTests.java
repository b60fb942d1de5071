package io.momentum.kafka.consuming.error;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.autoconfigure.MomentumKafkaErrorHandlingAutoConfiguration;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.KafkaTestSupport;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.support.KafkaHeaders;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A dead-letter topic that cannot be written: deleted, on a broker that does not create topics.
 * The failing record must stay uncommitted, the partition must wait (not spin), and the record must
 * reach the dead-letter topic once it exists again.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeadLetterTopicUnavailableIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String GROUP = "appdomain-api";

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private static final String DLT = TOPIC + ".dead-letter";

	private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(1);

	private static KafkaTestSupport kafka;

	@BeforeAll
	static void startBroker() {
		kafka = KafkaTestSupport.start(Map.of("auto.create.topics.enable", "false"));
	}

	@AfterAll
	static void stopBroker() {
		kafka.close();
	}

	@Test
	void recordIsNotCommittedWhileItsDeadLetterTopicIsMissingAndArrivesOnceItExists(CapturedOutput output) {
		kafka.createTopic(TOPIC);
		kafka.createTopic(DLT);
		kafka.deleteTopic(DLT);
		runner().run((context) -> {
			ScriptedHandler handler = context.getBean(ScriptedHandler.class);
			Outcomes outcomes = context.getBean(Outcomes.class);
			CashierCreated first = ScriptedHandler.event("ok");
			RecordMetadata handled = kafka.send(binary(TOPIC, "tenant-1", event("CashierCreated", first, "s")));
			TopicPartition partition = new TopicPartition(TOPIC, handled.partition());
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(kafka.committed(GROUP)).containsEntry(partition, handled.offset() + 1));

			CashierCreated rejected = ScriptedHandler.event("business");
			CashierCreated next = ScriptedHandler.event("ok");
			Instant start = Instant.now();
			List<RecordMetadata> sent = kafka.sendAll(List.of(binary(TOPIC, "tenant-1", event("CashierCreated", rejected, "s")),
					binary(TOPIC, "tenant-1", event("CashierCreated", next, "s"))));
			await().atMost(TIMEOUT).until(() -> outcomes.deadLetterFailed.size() >= 3);
			long elapsed = Duration.between(start, Instant.now()).toMillis();

			assertThat(kafka.committed(GROUP)).as("the rejected record is not committed")
				.containsEntry(partition, sent.get(0).offset());
			assertThat(handler.handled).as("the partition waits: order per key holds").containsExactly(first);
			int failures = outcomes.deadLetterFailed.size();
			assertThat(failures).as("one dead-letter attempt per back-off step, each waiting up to %s",
					DEAD_LETTER_TIMEOUT)
				.isLessThanOrEqualTo((int) (elapsed / DEAD_LETTER_TIMEOUT.toMillis()) + 1);
			String coordinates = TOPIC + "-" + partition.partition() + "@" + sent.get(0).offset();
			assertThat(output.getOut().split("Could not dead-letter record " + coordinates, -1))
				.hasSizeBetween(failures + 1, failures + 2);
			assertThat(output.getOut().split("org.springframework.kafka.KafkaException: Dead-letter publication to "
					+ DLT, -1)).as("the stack trace is logged for the first failure only").hasSize(2);
			assertThat(output).contains("its offset is not committed, the partition waits and tries the record again in");
			assertThat(outcomes.deadLettered).isEmpty();

			kafka.recreateTopic(DLT);
			List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader.read(kafka.brokers(), DLT, 1, TIMEOUT);
			assertThat(deadLetters).singleElement().satisfies((deadLetter) -> {
				assertThat(deadLetter.partition()).isEqualTo(partition.partition());
				assertThat(ByteBuffer.wrap(deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
					.getLong()).isEqualTo(sent.get(0).offset());
				assertThat(ByteBuffer
					.wrap(deadLetter.headers().lastHeader(IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER).value())
					.getInt()).isEqualTo(handler.attempts(rejected));
			});
			await().atMost(TIMEOUT).until(() -> handler.handled.size() == 2);
			assertThat(handler.handled).containsExactly(first, next);
			await().atMost(TIMEOUT)
				.untilAsserted(
						() -> assertThat(kafka.committed(GROUP)).containsEntry(partition, sent.get(1).offset() + 1));
			assertThat(outcomes.handled.size() + outcomes.deadLettered.size() + outcomes.skipped.size())
				.as("records in = handled + dead-lettered + skipped")
				.isEqualTo(3);
			assertThat(outcomes.deadLettered).singleElement()
				.satisfies((failure) -> assertThat(failure.offset()).isEqualTo(sent.get(0).offset()));
		});
	}

	private ApplicationContextRunner runner() {
		EventCatalog catalog = TestCatalog.builder()
			.add(CashierCreated.class, TOPIC, "tenantId", (event) -> event.tenantId().toString())
			.build();
		Outcomes outcomes = new Outcomes();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class, MomentumKafkaErrorHandlingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=" + kafka.brokers(),
					"spring.kafka.bootstrap-servers=" + kafka.brokers(), "spring.application.name=" + GROUP,
					"momentum.kafka.consumer.auto-offset-reset=earliest", "momentum.kafka.retry.initial-interval=20ms",
					"momentum.kafka.retry.max-interval=200ms",
					"momentum.kafka.retry.dead-letter-timeout=" + DEAD_LETTER_TIMEOUT.toMillis() + "ms")
			.withBean(EventCatalog.class, () -> catalog)
			.withBean(Outcomes.class, () -> outcomes)
			.withBean(ScriptedHandler.class);
	}

}
