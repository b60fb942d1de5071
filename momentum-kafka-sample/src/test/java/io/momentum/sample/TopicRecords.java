package io.momentum.sample;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import io.momentum.kafka.test.TestKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads what the application wrote with a plain Kafka consumer of its own, which joins no group:
 * the test sees the wire, not the application's view of it.
 */
final class TopicRecords {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private TopicRecords() {
	}

	/**
	 * The first record of a topic, from its beginning, that matches.
	 * @param broker the broker
	 * @param topic the topic
	 * @param match which record
	 * @return the record
	 * @throws AssertionError when no record matched within 20 s
	 */
	static ConsumerRecord<String, String> await(TestKafkaBroker broker, String topic,
			Predicate<ConsumerRecord<String, String>> match) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			consumer.partitionsFor(topic, TIMEOUT)
				.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			assertThat(partitions).as("partitions of %s", topic).isNotEmpty();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (match.test(record)) {
						return record;
					}
				}
			}
		}
		throw new AssertionError("No matching record on " + topic + " within " + TIMEOUT);
	}

	/**
	 * The value of the record's last header of that name.
	 * @param record the record
	 * @param name the header name
	 * @return the value as UTF-8, {@code null} when there is no such header
	 */
	static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * How many headers of that name the record has.
	 * @param record the record
	 * @param name the header name
	 * @return the count
	 */
	static long headerCount(ConsumerRecord<?, ?> record, String name) {
		return StreamSupport.stream(record.headers().headers(name).spliterator(), false).count();
	}

}
