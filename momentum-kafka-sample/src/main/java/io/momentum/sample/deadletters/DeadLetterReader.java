package io.momentum.sample.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import io.momentum.kafka.consuming.error.IntegrationEventDeadLetterRecoverer;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Reads the latest records of every dead-letter topic of the event catalog with a short-lived
 * consumer that joins no group and commits nothing, so looking never changes what the service
 * consumes.
 */
@Component
public class DeadLetterReader {

	/** Records shown per partition: the latest ones. */
	static final int LATEST_PER_PARTITION = 50;

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ConsumerFactory<?, ?> consumerFactory;

	private final EventCatalog catalog;

	DeadLetterReader(ConsumerFactory<?, ?> consumerFactory, EventCatalog catalog) {
		this.consumerFactory = consumerFactory;
		this.catalog = catalog;
	}

	/**
	 * The latest dead letters, oldest first.
	 * @return the dead letters
	 */
	public List<DeadLetter> read() {
		List<DeadLetter> letters = new ArrayList<>();
		try (Consumer<String, byte[]> consumer = createConsumer()) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : deadLetterTopics()) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
				infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
			if (partitions.isEmpty()) {
				return letters;
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			List<TopicPartition> remaining = new ArrayList<>();
			for (TopicPartition partition : partitions) {
				long end = ends.get(partition);
				if (end > beginnings.get(partition)) {
					consumer.seek(partition, Math.max(beginnings.get(partition), end - LATEST_PER_PARTITION));
					remaining.add(partition);
				}
			}
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!remaining.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					letters.add(deadLetter(record));
				}
				remaining.removeIf((partition) -> consumer.position(partition) >= ends.get(partition));
			}
		}
		letters.sort(Comparator.comparing(DeadLetter::timestamp)
			.thenComparing(DeadLetter::topic)
			.thenComparingInt(DeadLetter::partition)
			.thenComparingLong(DeadLetter::offset));
		return letters;
	}

	private TreeSet<String> deadLetterTopics() {
		TreeSet<String> topics = new TreeSet<>();
		this.catalog.events().stream().map(EventDescriptor::deadLetterTopic).forEach(topics::add);
		return topics;
	}

	@SuppressWarnings("unchecked")
	private Consumer<String, byte[]> createConsumer() {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return (Consumer<String, byte[]>) this.consumerFactory.createConsumer(null, "dead-letter-view", null,
				overrides);
	}

	private static DeadLetter deadLetter(ConsumerRecord<String, byte[]> record) {
		Headers headers = record.headers();
		String exception = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()), record.key(), text(headers, "ce_type"), text(headers, "ce_id"),
				text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC), intValue(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION),
				longValue(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
				(exception != null) ? exception : text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
				text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE), intValue(headers, IntegrationEventDeadLetterRecoverer.ATTEMPTS_HEADER));
	}

	private static @Nullable String text(Headers headers, String name) {
		byte[] value = value(headers, name);
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	// spring-kafka writes the original partition and offset, Momentum the attempts, as big-endian binary numbers.
	private static @Nullable Integer intValue(Headers headers, String name) {
		byte[] value = value(headers, name);
		return (value != null && value.length == Integer.BYTES) ? ByteBuffer.wrap(value).getInt() : null;
	}

	private static @Nullable Long longValue(Headers headers, String name) {
		byte[] value = value(headers, name);
		return (value != null && value.length == Long.BYTES) ? ByteBuffer.wrap(value).getLong() : null;
	}

	private static byte @Nullable [] value(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null) ? header.value() : null;
	}

}
