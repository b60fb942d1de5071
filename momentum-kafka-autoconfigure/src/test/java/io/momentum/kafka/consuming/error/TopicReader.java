package io.momentum.kafka.consuming.error;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning with a client of its own, as an operator would read a
 * dead-letter topic.
 */
final class TopicReader {

	private TopicReader() {
	}

	/**
	 * Read until {@code count} records arrived, then keep polling a moment to catch any extra one.
	 */
	static List<ConsumerRecord<byte[], byte[]>> read(String brokers, String topic, int count, Duration timeout) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(brokers)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + timeout.toNanos();
			while (records.size() < count && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			consumer.poll(Duration.ofMillis(300)).forEach(records::add);
			return records;
		}
	}

	/**
	 * The number of records in a topic (sum of the end offsets of its partitions).
	 */
	static long size(String brokers, String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(brokers)) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
			List<TopicPartition> partitions = infos.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static KafkaConsumer<byte[], byte[]> consumer(String brokers) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
				ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}
