package io.momentum.kafka.consuming.error;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;

import io.momentum.kafka.consuming.IntegrationEventHandlerException;
import io.momentum.kafka.consuming.error.TestFailures.CheckedBusinessException;
import io.momentum.kafka.consuming.error.TestFailures.TransientException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntegrationEventDeadLetterRecovererTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private final MockProducer<Object, Object> producer = new ReusableMockProducer();

	private final IntegrationEventDeadLetterRecoverer recoverer = recoverer(this.producer);

	@Test
	void deadLetterKeepsKeyValueAndHeadersAndAddsTheDeadLetterHeaders() {
		this.recoverer.setAttempts((record) -> 3);
		ConsumerRecord<byte[], byte[]> record = record(new byte[] { 1, 2, (byte) 0xff });
		this.recoverer.accept(record, null, failure(new TransientException("downstream unavailable")));

		ProducerRecord<Object, Object> sent = this.producer.history().get(0);
		assertThat(sent.topic()).isEqualTo(TOPIC + ".dead-letter");
		assertThat(sent.partition()).isEqualTo(4);
		assertThat(sent.key()).isEqualTo("tenant-1".getBytes(StandardCharsets.UTF_8));
		assertThat(sent.value()).isEqualTo(new byte[] { 1, 2, (byte) 0xff });
		assertThat(sent.headers().toArray()[0].key()).isEqualTo("ce_type");
		assertThat(text(sent, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
		assertThat(ByteBuffer.wrap(sent.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
			.isEqualTo(17L);
		assertThat(text(sent, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("appdomain-api");
		assertThat(text(sent, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(TransientException.class.getName());
		assertThat(attempts(sent)).isEqualTo(3);
	}

	@Test
	void recordDeadLetteredBeforeKeepsItsFirstOriginAndGetsFreshFailureHeadersOnce() {
		this.recoverer.setAttempts((record) -> 3);
		this.recoverer.accept(record(new byte[] { 1 }), null, failure(new TransientException("first")));
		ProducerRecord<Object, Object> first = this.producer.history().get(0);
		ConsumerRecord<byte[], byte[]> replayed = new ConsumerRecord<>(TOPIC, 2, 99L, 0L, TimestampType.CREATE_TIME, 0,
				0, (byte[]) first.key(), (byte[]) first.value(), new RecordHeaders(first.headers().toArray()),
				java.util.Optional.empty());
		this.recoverer.setAttempts((record) -> 1);
		this.recoverer.accept(replayed, null, failure(new IllegalStateException("second")));

		ProducerRecord<Object, Object> second = this.producer.history().get(1);
		for (String name : List.of(KafkaHeaders.DLT_ORIGINAL_TOPIC, KafkaHeaders.DLT_ORIGINAL_PARTITION,
				KafkaHeaders.DLT_ORIGINAL_OFFSET, KafkaHeaders.DLT_ORIGINAL_TIMESTAMP,
				KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP,
				KafkaHeaders.DLT_EXCEPTION_FQCN, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN,
				KafkaHeaders.DLT_EXCEPTION_MESSAGE, KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
				IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)) {
			assertThat(StreamSupport.stream(second.headers().headers(name).spliterator(), false)).as(name).hasSize(1);
		}
		assertThat(ByteBuffer.wrap(second.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
			.isEqualTo(17L);
		assertThat(text(second, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
			.isEqualTo(IllegalStateException.class.getName());
		assertThat(attempts(second)).isOne();
	}

	@Test
	void withoutAttemptCountsNoAttemptsHeaderIsWritten() {
		this.recoverer.accept(record(new byte[] { 1 }), null, failure(new TransientException("x")));
		assertThat(this.producer.history().get(0).headers()
			.lastHeader(IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).isNull();
	}

	@Test
	void checkedExceptionOfTheHandlerIsNamedInsteadOfItsWrapper() {
		this.recoverer.accept(record(new byte[] { 1 }), null, failure(
				new IntegrationEventHandlerException("CashierHandlers.on(CashierCreated)",
						new CheckedBusinessException("rejected"))));
		ProducerRecord<Object, Object> sent = this.producer.history().get(0);
		assertThat(text(sent, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
			.isEqualTo(CheckedBusinessException.class.getName());
		assertThat(text(sent, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("appdomain-api");
		assertThat(text(sent, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).contains("rejected");
	}

	@Test
	void hugeExceptionMessagesAndStackTracesAreCut() {
		String payload = "é".repeat(100_000);
		this.recoverer.accept(record(new byte[] { 1 }), null, failure(new TransientException("bad: " + payload)));
		ProducerRecord<Object, Object> sent = this.producer.history().get(0);
		byte[] message = sent.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value();
		byte[] stackTrace = sent.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value();
		assertThat(message.length).isLessThan(IntegrationEventDeadLetterRecoverer.MAX_MESSAGE_HEADER_BYTES + 64);
		assertThat(stackTrace.length).isLessThan(IntegrationEventDeadLetterRecoverer.MAX_STACKTRACE_HEADER_BYTES + 64);
		assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("Listener failed; bad: éé")
			.endsWith("bytes cut]")
			.doesNotContain("\uFFFD");
		assertThat(new String(stackTrace, StandardCharsets.UTF_8)).startsWith(
				ListenerExecutionFailedException.class.getName());
	}

	@Test
	void recordTooLargeForTheDeadLetterTopicIsSentWithoutItsStackTrace() {
		AtomicInteger sends = new AtomicInteger();
		MockProducer<Object, Object> tooLargeOnce = new MockProducer<>(true, null, new PassThrough(), new PassThrough()) {

			@Override
			public synchronized Future<RecordMetadata> send(ProducerRecord<Object, Object> record,
					org.apache.kafka.clients.producer.Callback callback) {
				if (sends.incrementAndGet() == 1) {
					throw new RecordTooLargeException("The message is too large");
				}
				return super.send(record, callback);
			}

		};
		recoverer(tooLargeOnce).accept(record(new byte[] { 1 }), null, failure(new TransientException("x")));
		ProducerRecord<Object, Object> sent = tooLargeOnce.history().get(0);
		assertThat(sent.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNull();
		assertThat(text(sent, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("x");
	}

	@Test
	void failedPublishIsThrownSoTheOffsetIsNotCommitted() {
		MockProducer<Object, Object> failing = new MockProducer<>(true, null, new PassThrough(), new PassThrough());
		failing.sendException = new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata");
		assertThatExceptionOfType(org.springframework.kafka.KafkaException.class)
			.isThrownBy(() -> recoverer(failing).accept(record(new byte[] { 1 }), null,
					failure(new TransientException("x"))))
			.withMessageContaining("Dead-letter publication to " + TOPIC + ".dead-letter failed")
			.withRootCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void templateWritesRawBytesWithBoundedTimeoutsOnANonTransactionalProducer() {
		Map<String, Object> boot = new HashMap<>();
		boot.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
		boot.put(ProducerConfig.CLIENT_ID_CONFIG, "billing");
		boot.put(ProducerConfig.ACKS_CONFIG, "all");
		boot.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		boot.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		DefaultKafkaProducerFactory<Object, Object> source = new DefaultKafkaProducerFactory<>(boot);
		source.setTransactionIdPrefix("tx-");
		KafkaTemplate<Object, Object> template = IntegrationEventDeadLetterRecoverer.createTemplate(source,
				Duration.ofSeconds(2));
		DefaultKafkaProducerFactory<Object, Object> factory = (DefaultKafkaProducerFactory<Object, Object>) template
			.getProducerFactory();
		Map<String, Object> configs = factory.getConfigurationProperties();
		assertThat(factory.transactionCapable()).isFalse();
		assertThat(configs).containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "billing-dead-letter")
			.containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000)
			.containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1995)
			.containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000)
			.containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 32 * 1024 * 1024);
		Serializer<Object> values = factory.getValueSerializerSupplier().get();
		assertThat(values.serialize("t", new byte[] { 1, (byte) 0xff })).containsExactly(1, 0xff);
		assertThat(values.serialize("t", "é")).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
		assertThat(values.serialize("t", Bytes.wrap(new byte[] { 7 }))).containsExactly(7);
		assertThat(values.serialize("t", null)).isNull();
		assertThat(factory.getKeySerializerSupplier().get().serialize("t", "tenant-1"))
			.isEqualTo("tenant-1".getBytes(StandardCharsets.UTF_8));
		template.destroy();
	}

	private static IntegrationEventDeadLetterRecoverer recoverer(MockProducer<Object, Object> producer) {
		KafkaTemplate<Object, Object> template = new KafkaTemplate<>(new MockProducerFactory<>(() -> producer));
		return new IntegrationEventDeadLetterRecoverer(template, new DeadLetterTopicResolver(() -> null),
				Duration.ofSeconds(5));
	}

	private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_type", "CashierCreated".getBytes(StandardCharsets.UTF_8));
		return new ConsumerRecord<>(TOPIC, 4, 17L, 1_700_000_000_000L, TimestampType.CREATE_TIME, 8, value.length,
				"tenant-1".getBytes(StandardCharsets.UTF_8), value, headers, java.util.Optional.empty());
	}

	private static Exception failure(Exception cause) {
		return new ListenerExecutionFailedException("Listener failed", "appdomain-api", cause);
	}

	private static String text(ProducerRecord<Object, Object> record, String header) {
		return new String(record.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
	}

	private static int attempts(ProducerRecord<Object, Object> record) {
		return ByteBuffer.wrap(record.headers().lastHeader(IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER).value())
			.getInt();
	}

	/** Stays open when the template closes it after a send, so its history covers several sends. */
	private static class ReusableMockProducer extends MockProducer<Object, Object> {

		ReusableMockProducer() {
			super(true, null, new PassThrough(), new PassThrough());
		}

		@Override
		public void close(Duration timeout) {
		}

	}

	/** The MockProducer sees what the template was given: raw bytes. */
	private static final class PassThrough implements Serializer<Object> {

		private final ByteArraySerializer bytes = new ByteArraySerializer();

		@Override
		public byte[] serialize(String topic, Object data) {
			return this.bytes.serialize(topic, (byte[]) data);
		}

	}

}
