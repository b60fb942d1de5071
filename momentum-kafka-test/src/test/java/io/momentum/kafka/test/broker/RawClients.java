package io.momentum.kafka.test.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain kafka-clients producers and consumers, independent of anything under test.
 */
final class RawClients {

	private RawClients() {
	}

	static Map<String, Object> producerProperties(Map<String, Object> connection) {
		Map<String, Object> properties = new HashMap<>(connection);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		return properties;
	}

	static Map<String, Object> consumerProperties(Map<String, Object> connection) {
		Map<String, Object> properties = new HashMap<>(connection);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		return properties;
	}

	static void createTopic(String bootstrapServers, String topic, int partitions, short replicationFactor)
			throws Exception {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all().get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Sends {@code count} records keyed {@code key-<i>} and waits for each acknowledgement.
	 * @return the acknowledged keys
	 */
	static List<String> produce(Map<String, Object> connection, String topic, int count) throws Exception {
		List<String> keys = new ArrayList<>();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(connection))) {
			List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				sends.add(producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)));
			}
			for (int i = 0; i < count; i++) {
				sends.get(i).get(30, TimeUnit.SECONDS);
				keys.add("key-" + i);
			}
		}
		return keys;
	}

	/**
	 * Reads a topic from the beginning until {@code expected} records arrived or the timeout passed.
	 * @return the keys read, in order per partition
	 */
	static List<String> readKeys(Map<String, Object> connection, String topic, int expected, Duration timeout) {
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(connection))) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + timeout.toNanos();
			while (keys.size() < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
			}
		}
		return keys;
	}

	static Map<String, Object> plaintext(String bootstrapServers) {
		return Map.of("bootstrap.servers", bootstrapServers);
	}

	static Map<String, Object> sasl(String bootstrapServers, String mechanism, String username, String password) {
		String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
				: "org.apache.kafka.common.security.scram.ScramLoginModule";
		return Map.of("bootstrap.servers", bootstrapServers, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism",
				mechanism, "sasl.jaas.config",
				module + " required username=" + quote(username) + " password=" + quote(password) + ";");
	}

	private static String quote(String value) {
		return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
