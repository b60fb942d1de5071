package io.momentum.kafka.it.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.TestKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Plain Kafka clients that share nothing with the service under test: what a published record
 * looks like on the wire, and records written as another platform would write them.
 */
final class Wire {

	private Wire() {
	}

	/**
	 * Publish an event with a span in scope, wait for the broker's acknowledgement, then end the span.
	 * @param tracer the application's tracer
	 * @param span the caller's span, started
	 * @param publisher the publisher
	 * @param event the event
	 * @return the publish result
	 */
	static PublishResult publishWithin(Tracer tracer, Span span, IntegrationEventPublisher publisher, Object event)
			throws Exception {
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			return publisher.publish(event).get(30, TimeUnit.SECONDS);
		}
		finally {
			span.end();
		}
	}

	/**
	 * Read the record of a publish back from the broker.
	 * @param broker the test broker
	 * @param result the publish result, naming topic, partition and offset
	 * @return the record as it is on the broker
	 */
	static ConsumerRecord<byte[], byte[]> read(TestKafkaBroker broker, PublishResult result) {
		Map<String, Object> config = new HashMap<>(broker.clientProperties());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			TopicPartition partition = new TopicPartition(result.topic(), result.partition());
			consumer.assign(List.of(partition));
			consumer.seek(partition, result.offset());
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() - deadline < 0) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.offset() == result.offset()) {
						return record;
					}
				}
			}
			throw new IllegalStateException("Record " + result + " not read back within 30 s");
		}
	}

	/**
	 * Write a record with a plain producer.
	 * @param broker the test broker
	 * @param record the record
	 */
	static void write(TestKafkaBroker broker, ProducerRecord<byte[], byte[]> record) throws Exception {
		Map<String, Object> config = new HashMap<>(broker.clientProperties());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(record).get();
		}
	}

	/**
	 * The value of the last header of a name, as text.
	 * @param record the record
	 * @param name the header name
	 * @return the value, or {@code null} when the record has no such header
	 */
	static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/**
	 * How many headers of a name the record has.
	 * @param record the record
	 * @param name the header name
	 * @return the count
	 */
	static int headerCount(ConsumerRecord<?, ?> record, String name) {
		int count = 0;
		for (Header header : record.headers().headers(name)) {
			count++;
		}
		return count;
	}

	/**
	 * A W3C {@code traceparent} split into its fields.
	 *
	 * @param traceId the trace id
	 * @param parentId the span id of the sender
	 */
	record Traceparent(String traceId, String parentId) {

		static Traceparent parse(@Nullable String value) {
			if (value == null || !value.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")) {
				throw new IllegalArgumentException("Not a W3C traceparent: " + value);
			}
			String[] fields = value.split("-");
			return new Traceparent(fields[1], fields[2]);
		}

	}

}
