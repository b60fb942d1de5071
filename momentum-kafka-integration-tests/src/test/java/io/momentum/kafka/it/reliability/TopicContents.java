package io.momentum.kafka.it.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Everything in a topic, read by a plain Kafka consumer that shares nothing with the service under test.
 *
 * @param records the records of every partition
 */
record TopicContents(List<ConsumerRecord<byte[], byte[]>> records) {

	/**
	 * Reads a topic from the start of every partition to its current end.
	 * @param bootstrapServers a PLAINTEXT listener
	 * @param topic the topic
	 * @return the records
	 */
	static TopicContents read(String bootstrapServers, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "reliability-reader-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				ByteArrayDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
				partitions.add(new TopicPartition(topic, info.partition()));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("Could not read " + topic + " to its end within 60 s");
				}
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
			return new TopicContents(records);
		}
	}

	/**
	 * How many records carry each CloudEvents id ({@code ce_id} header, binary content mode).
	 * @return copies by event id
	 */
	Map<String, Integer> copiesById() {
		Map<String, Integer> copies = new HashMap<>();
		for (ConsumerRecord<byte[], byte[]> record : this.records) {
			Header id = record.headers().lastHeader("ce_id");
			if (id != null) {
				copies.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
			}
		}
		return copies;
	}

	int size() {
		return this.records.size();
	}

}
