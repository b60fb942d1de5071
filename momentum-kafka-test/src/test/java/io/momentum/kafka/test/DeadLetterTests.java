package io.momentum.kafka.test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.momentum.kafka.consuming.error.IntegrationEventDeadLetterRecoverer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeadLetter}: spring-kafka's binary {@code kafka_dlt-*} headers read as a test wants them.
 */
class DeadLetterTests {

	@Test
	void headersAreDecodedNumbersAsDecimalsTextAsUtf8() {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("cashiers.dead-letter", 0, 5L, bytes("tenant-1"),
				bytes("{\"name\":\"Zoë\"}"));
		record.headers()
			.add("ce_id", bytes("id-1"))
			.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes("cashiers"))
			.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(2).array())
			.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41L).array())
			.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(1705314600000L).array())
			.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, bytes("appdomain-api"))
			.add(KafkaHeaders.DLT_EXCEPTION_FQCN, bytes("org.springframework.kafka.listener.ListenerExecutionFailedException"))
			.add(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN, bytes("java.lang.IllegalStateException"))
			.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("Cashier cannot be created"))
			.add(IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER, ByteBuffer.allocate(4).putInt(3).array());

		DeadLetter deadLetter = new DeadLetter(record);

		assertThat(deadLetter.topic()).isEqualTo("cashiers.dead-letter");
		assertThat(deadLetter.key()).isEqualTo("tenant-1");
		assertThat(deadLetter.value()).isEqualTo("{\"name\":\"Zoë\"}");
		assertThat(deadLetter.header("ce_id")).isEqualTo("id-1");
		assertThat(deadLetter.originalTopic()).isEqualTo("cashiers");
		assertThat(deadLetter.originalPartition()).isEqualTo(2);
		assertThat(deadLetter.originalOffset()).isEqualTo(41L);
		assertThat(deadLetter.header(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)).isEqualTo("1705314600000");
		assertThat(deadLetter.originalConsumerGroup()).isEqualTo("appdomain-api");
		assertThat(deadLetter.exceptionClassName())
			.isEqualTo("org.springframework.kafka.listener.ListenerExecutionFailedException");
		assertThat(deadLetter.exceptionCauseClassName()).isEqualTo("java.lang.IllegalStateException");
		assertThat(deadLetter.exceptionMessage()).isEqualTo("Cashier cannot be created");
		assertThat(deadLetter.attempts()).isEqualTo(3);
		assertThat(deadLetter.header(IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER)).isEqualTo("3");
		assertThat(deadLetter.isFrom(new RecordCoordinates("cashiers", 2, 41L))).isTrue();
		assertThat(deadLetter.isFrom(new RecordCoordinates("cashiers", 2, 40L))).isFalse();
		assertThat(deadLetter.record()).isSameAs(record);
	}

	@Test
	void missingHeadersReadAsAbsent() {
		DeadLetter deadLetter = new DeadLetter(new ConsumerRecord<>("cashiers.dead-letter", 0, 0L, null, null));

		assertThat(deadLetter.key()).isNull();
		assertThat(deadLetter.value()).isNull();
		assertThat(deadLetter.originalTopic()).isNull();
		assertThat(deadLetter.originalPartition()).isEqualTo(-1);
		assertThat(deadLetter.originalOffset()).isEqualTo(-1L);
		assertThat(deadLetter.attempts()).isEqualTo(-1);
		assertThat(deadLetter.headers()).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
