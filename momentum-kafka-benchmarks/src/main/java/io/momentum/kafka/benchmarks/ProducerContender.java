package io.momentum.kafka.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One way of publishing {@link CashierCreated} events. Every contender gets the same producer configuration (the
 * one our publisher's producer is built from) and its own producer.
 */
abstract class ProducerContender implements AutoCloseable {

	private final String name;

	private final String description;

	ProducerContender(String name, String description) {
		this.name = name;
		this.description = description;
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	/**
	 * Publish one event.
	 * @param event the event
	 * @param index its position in the run (contenders with pre-built records use it)
	 * @param callback told when the broker acknowledged it
	 */
	abstract void send(CashierCreated event, int index, SendCallback callback);

	/**
	 * The record this contender writes for an event, to report its size.
	 * @param event the event
	 * @return the record
	 */
	abstract ProducerRecord<String, byte[]> sample(CashierCreated event);

	@Override
	public abstract void close();

	/**
	 * The size of a record as the producer sees it before compression: key, value, header names and values.
	 * @param record the record
	 * @return the size in bytes
	 */
	static int size(ProducerRecord<String, byte[]> record) {
		int size = ((record.key() != null) ? record.key().getBytes(StandardCharsets.UTF_8).length : 0)
				+ ((record.value() != null) ? record.value().length : 0);
		for (Header header : record.headers()) {
			size += header.key().getBytes(StandardCharsets.UTF_8).length
					+ ((header.value() != null) ? header.value().length : 0);
		}
		return size;
	}

	/**
	 * (1) The floor: a raw producer sending records whose JSON and headers were built before the run.
	 */
	static final class Prebuilt extends ProducerContender {

		private final KafkaProducer<String, byte[]> producer;

		private final String topic;

		private final String[] keys;

		private final byte[][] values;

		private final Header[][] headers;

		Prebuilt(Map<String, Object> producerConfig, HandWrittenCloudEvents encoder, CashierCreated[] pool) {
			super("raw, pre-built", "(1) floor: raw KafkaProducer, JSON and headers built before the run");
			this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
			this.keys = new String[pool.length];
			this.values = new byte[pool.length][];
			this.headers = new Header[pool.length][];
			String topic = null;
			for (int i = 0; i < pool.length; i++) {
				ProducerRecord<String, byte[]> record = encoder.encode(pool[i]);
				topic = record.topic();
				this.keys[i] = record.key();
				this.values[i] = record.value();
				this.headers[i] = record.headers().toArray();
			}
			this.topic = topic;
		}

		@Override
		void send(CashierCreated event, int index, SendCallback callback) {
			int i = index % this.keys.length;
			this.producer.send(new ProducerRecord<>(this.topic, null, null, this.keys[i], this.values[i],
					new RecordHeaders(this.headers[i])), callback);
		}

		@Override
		ProducerRecord<String, byte[]> sample(CashierCreated event) {
			return new ProducerRecord<>(this.topic, null, null, this.keys[0], this.values[0],
					new RecordHeaders(this.headers[0]));
		}

		@Override
		public void close() {
			this.producer.close(Duration.ofSeconds(30));
		}

	}

	/**
	 * (2) The fair baseline: a raw producer, Jackson and the CloudEvents headers built per event.
	 */
	static final class HandWritten extends ProducerContender {

		private final KafkaProducer<String, byte[]> producer;

		private final HandWrittenCloudEvents encoder;

		HandWritten(Map<String, Object> producerConfig, HandWrittenCloudEvents encoder) {
			super("raw + Jackson + headers", "(2) fair baseline: raw KafkaProducer, Jackson and the CloudEvents "
					+ "headers built per event");
			this.producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
			this.encoder = encoder;
		}

		@Override
		void send(CashierCreated event, int index, SendCallback callback) {
			this.producer.send(this.encoder.encode(event), callback);
		}

		@Override
		ProducerRecord<String, byte[]> sample(CashierCreated event) {
			return this.encoder.encode(event);
		}

		@Override
		public void close() {
			this.producer.close(Duration.ofSeconds(30));
		}

	}

	/**
	 * (3) {@link KafkaTemplate} doing what (2) does.
	 */
	static final class Template extends ProducerContender {

		private final DefaultKafkaProducerFactory<String, byte[]> factory;

		private final KafkaTemplate<String, byte[]> template;

		private final HandWrittenCloudEvents encoder;

		Template(Map<String, Object> producerConfig, HandWrittenCloudEvents encoder) {
			super("KafkaTemplate + Jackson + headers", "(3) KafkaTemplate doing what (2) does");
			this.factory = new DefaultKafkaProducerFactory<>(producerConfig, new StringSerializer(),
					new ByteArraySerializer());
			this.template = new KafkaTemplate<>(this.factory);
			this.encoder = encoder;
		}

		@Override
		void send(CashierCreated event, int index, SendCallback callback) {
			this.template.send(this.encoder.encode(event)).whenComplete(callback);
		}

		@Override
		ProducerRecord<String, byte[]> sample(CashierCreated event) {
			return this.encoder.encode(event);
		}

		@Override
		public void close() {
			this.factory.destroy();
		}

	}

	/**
	 * (4) and (5) Our {@link IntegrationEventPublisher}, as the starter configures it in an application context.
	 */
	static final class Ours extends ProducerContender {

		private final IntegrationEventPublisher publisher;

		private final CloudEventRecordFactory recordFactory;

		private final EventDescriptor descriptor;

		Ours(String name, String description, IntegrationEventPublisher publisher,
				CloudEventRecordFactory recordFactory, EventDescriptor descriptor) {
			super(name, description);
			this.publisher = publisher;
			this.recordFactory = recordFactory;
			this.descriptor = descriptor;
		}

		@Override
		void send(CashierCreated event, int index, SendCallback callback) {
			this.publisher.publish(event).whenComplete(callback);
		}

		@Override
		ProducerRecord<String, byte[]> sample(CashierCreated event) {
			return this.recordFactory.create(this.descriptor, event, Map.of()).record();
		}

		@Override
		public void close() {
			// the application context closes the publisher
		}

	}

}
