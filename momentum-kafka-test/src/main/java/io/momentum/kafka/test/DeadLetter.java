package io.momentum.kafka.test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.momentum.kafka.consuming.error.IntegrationEventDeadLetterRecoverer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record read back from a dead-letter topic by {@link IntegrationEventRecorder#awaitDeadLettered}: the original
 * key, value and headers, and spring-kafka's {@code kafka_dlt-*} headers saying where the record came from and why
 * it failed.
 */
public final class DeadLetter {

	private static final Set<String> INT_HEADERS = Set.of(KafkaHeaders.DLT_ORIGINAL_PARTITION,
			IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER);

	private static final Set<String> LONG_HEADERS = Set.of(KafkaHeaders.DLT_ORIGINAL_OFFSET,
			KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);

	private final ConsumerRecord<byte[], byte[]> record;

	private final Map<String, String> headers;

	DeadLetter(ConsumerRecord<byte[], byte[]> record) {
		this.record = record;
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			if (header.value() != null) {
				headers.put(header.key(), decode(header.key(), header.value()));
			}
		}
		this.headers = Collections.unmodifiableMap(headers);
	}

	/**
	 * The record as read from the dead-letter topic, with its raw headers.
	 * @return the record
	 */
	public ConsumerRecord<byte[], byte[]> record() {
		return this.record;
	}

	/**
	 * The dead-letter topic.
	 * @return the topic
	 */
	public String topic() {
		return this.record.topic();
	}

	/**
	 * The record key, UTF-8: the original record's key.
	 * @return the key, or {@code null}
	 */
	public @Nullable String key() {
		byte[] key = this.record.key();
		return (key != null) ? new String(key, StandardCharsets.UTF_8) : null;
	}

	/**
	 * The record value, UTF-8: the original record's value (the event's JSON in binary mode).
	 * @return the value, or {@code null}
	 */
	public @Nullable String value() {
		byte[] value = this.record.value();
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	/**
	 * The headers with a value, decoded: text as UTF-8, and the binary numbers of
	 * {@code kafka_dlt-original-partition}, {@code -offset} and {@code -timestamp} as decimal
	 * strings. The last one wins when a name repeats.
	 * @return the headers by name
	 */
	public Map<String, String> headers() {
		return this.headers;
	}

	/**
	 * One decoded header, see {@link #headers()}.
	 * @param name the header name, for example {@code ce_id} or {@code kafka_dlt-exception-fqcn}
	 * @return the value, or {@code null} when the record has no such header
	 */
	public @Nullable String header(String name) {
		return this.headers.get(name);
	}

	/**
	 * The topic the record was first read from ({@code kafka_dlt-original-topic}).
	 * @return the topic, or {@code null} when the header is missing
	 */
	public @Nullable String originalTopic() {
		return header(KafkaHeaders.DLT_ORIGINAL_TOPIC);
	}

	/**
	 * The partition the record was first read from ({@code kafka_dlt-original-partition}).
	 * @return the partition, or {@code -1} when the header is missing
	 */
	public int originalPartition() {
		String partition = header(KafkaHeaders.DLT_ORIGINAL_PARTITION);
		return (partition != null) ? Integer.parseInt(partition) : -1;
	}

	/**
	 * How many times the handler was called before the record was dead-lettered
	 * ({@value IntegrationEventDeadLetterRecoverer#ATTEMPTS_HEADER}).
	 * @return the attempts, or {@code -1} when the header is missing
	 */
	public int attempts() {
		String attempts = header(IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER);
		return (attempts != null) ? Integer.parseInt(attempts) : -1;
	}

	/**
	 * The offset of the original record ({@code kafka_dlt-original-offset}).
	 * @return the offset, or {@code -1} when the header is missing
	 */
	public long originalOffset() {
		String offset = header(KafkaHeaders.DLT_ORIGINAL_OFFSET);
		return (offset != null) ? Long.parseLong(offset) : -1;
	}

	/**
	 * The consumer group that dead-lettered the record ({@code kafka_dlt-original-consumer-group}).
	 * @return the group, or {@code null} when the header is missing
	 */
	public @Nullable String originalConsumerGroup() {
		return header(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
	}

	/**
	 * The class name of the exception that failed the record ({@code kafka_dlt-exception-fqcn}):
	 * for a failing handler spring-kafka's {@code ListenerExecutionFailedException}; see
	 * {@link #exceptionCauseClassName()} for what the handler threw.
	 * @return the class name, or {@code null} when the header is missing
	 */
	public @Nullable String exceptionClassName() {
		return header(KafkaHeaders.DLT_EXCEPTION_FQCN);
	}

	/**
	 * The class name of the cause of the exception that failed the record
	 * ({@code kafka_dlt-exception-cause-fqcn}): the exception the handler threw, or
	 * {@code UnreadableEventException} for a record that could not be read.
	 * @return the class name, or {@code null} when the header is missing
	 */
	public @Nullable String exceptionCauseClassName() {
		return header(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
	}

	/**
	 * The message of the exception that failed the record ({@code kafka_dlt-exception-message}).
	 * @return the message, or {@code null} when the header is missing
	 */
	public @Nullable String exceptionMessage() {
		return header(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
	}

	boolean isFrom(RecordCoordinates original) {
		return original.topic().equals(originalTopic()) && original.partition() == originalPartition()
				&& original.offset() == originalOffset();
	}

	@Override
	public String toString() {
		return "dead letter " + this.record.topic() + "-" + this.record.partition() + "@" + this.record.offset()
				+ " of " + originalTopic() + "-" + originalPartition() + "@" + originalOffset() + " ("
				+ exceptionCauseClassName() + ": " + exceptionMessage() + ")";
	}

	private static String decode(String name, byte[] value) {
		if (INT_HEADERS.contains(name) && value.length == Integer.BYTES) {
			return Integer.toString(ByteBuffer.wrap(value).getInt());
		}
		if (LONG_HEADERS.contains(name) && value.length == Long.BYTES) {
			return Long.toString(ByteBuffer.wrap(value).getLong());
		}
		return new String(value, StandardCharsets.UTF_8);
	}

}
