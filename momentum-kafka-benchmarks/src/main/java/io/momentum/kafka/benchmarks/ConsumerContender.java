package io.momentum.kafka.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.momentum.kafka.benchmarks.BenchmarkApplication.CountingHandler;
import io.momentum.kafka.benchmarks.events.CashierCreated;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * One way of reading a pre-filled topic of {@link CashierCreated} events from the beginning, in a fresh consumer
 * group. Every contender uses the consumer configuration of our integration-event containers.
 */
abstract class ConsumerContender {

	private static final long TIMEOUT_NANOS = Duration.ofMinutes(3).toNanos();

	private final String name;

	private final String description;

	ConsumerContender(String name, String description) {
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
	 * Read {@code count} records and process them; call {@code finished} as soon as the last one was processed,
	 * before cleaning up.
	 * @param topic the topic
	 * @param group a group id not used before
	 * @param count the number of records to read
	 * @param finished marks the end of the measured interval
	 */
	abstract void drain(String topic, String group, int count, Runnable finished) throws Exception;

	static void checkTimeout(long started, int processed, int count) {
		if (System.nanoTime() - started > TIMEOUT_NANOS) {
			throw new IllegalStateException("Only " + processed + " of " + count + " records were read within "
					+ Duration.ofNanos(TIMEOUT_NANOS));
		}
	}

	/**
	 * A raw poll loop that commits asynchronously after each batch, as the best hand-written at-least-once
	 * consumer does.
	 *
	 * @param <V> the value type
	 */
	abstract static class PollLoop<V> extends ConsumerContender {

		private final Map<String, Object> consumerConfig;

		/** Written so that the JIT cannot drop the work. */
		volatile @Nullable Object sink;

		PollLoop(String name, String description, Map<String, Object> consumerConfig) {
			super(name, description);
			this.consumerConfig = consumerConfig;
		}

		abstract Deserializer<V> valueDeserializer();

		abstract void process(ConsumerRecord<byte[], V> record);

		@Override
		void drain(String topic, String group, int count, Runnable finished) {
			Map<String, Object> config = new HashMap<>(this.consumerConfig);
			config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
			long started = System.nanoTime();
			try (KafkaConsumer<byte[], V> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
					valueDeserializer())) {
				consumer.subscribe(List.of(topic));
				int processed = 0;
				while (processed < count) {
					ConsumerRecords<byte[], V> records = consumer.poll(Duration.ofMillis(100));
					for (ConsumerRecord<byte[], V> record : records) {
						process(record);
						processed++;
					}
					if (!records.isEmpty()) {
						consumer.commitAsync();
					}
					checkTimeout(started, processed, count);
				}
				finished.run();
			}
		}

	}

	/**
	 * (1) The floor: a raw poll loop that ignores the values.
	 */
	static final class IgnoringValues extends PollLoop<byte[]> {

		IgnoringValues(Map<String, Object> consumerConfig) {
			super("raw, values ignored", "(1) floor: raw poll loop ignoring the values", consumerConfig);
		}

		@Override
		Deserializer<byte[]> valueDeserializer() {
			return new ByteArrayDeserializer();
		}

		@Override
		void process(ConsumerRecord<byte[], byte[]> record) {
			this.sink = record.value();
		}

	}

	/**
	 * (2) The fair baseline: a raw poll loop, dispatching on the {@code ce_type} header and binding with Jackson; and
	 * (6) the same after reading every header's name and value, as any reader that checks a record the way the
	 * CloudEvents SDK does must: the floor for accepting exactly what the SDK accepts.
	 */
	static final class HandWritten extends PollLoop<byte[]> {

		private final HandWrittenCloudEvents decoder;

		private final boolean readEveryHeader;

		/** Written so that the JIT cannot drop the header reads of (6). */
		volatile int headerBytes;

		private HandWritten(String name, String description, Map<String, Object> consumerConfig,
				HandWrittenCloudEvents decoder, boolean readEveryHeader) {
			super(name, description, consumerConfig);
			this.decoder = decoder;
			this.readEveryHeader = readEveryHeader;
		}

		/** (2) The fair baseline. */
		static HandWritten fairBaseline(Map<String, Object> consumerConfig, HandWrittenCloudEvents decoder) {
			return new HandWritten(HarnessReport.FAIR_CONSUMER, "(2) fair baseline: raw poll loop, dispatch on the "
					+ "ce_type header, Jackson into the record", consumerConfig, decoder, false);
		}

		/** (6) The fair baseline after reading every header. */
		static HandWritten readingEveryHeader(Map<String, Object> consumerConfig, HandWrittenCloudEvents decoder) {
			return new HandWritten(HarnessReport.EVERY_HEADER_CONSUMER, "(6) the fair baseline after reading every "
					+ "header's name and value (what checking a record as the SDK does needs at least)",
					consumerConfig, decoder, true);
		}

		@Override
		Deserializer<byte[]> valueDeserializer() {
			return new ByteArrayDeserializer();
		}

		@Override
		void process(ConsumerRecord<byte[], byte[]> record) {
			if (this.readEveryHeader) {
				int bytes = 0;
				for (Header header : record.headers()) {
					byte[] value = header.value();
					bytes += header.key().length() + ((value != null) ? value.length : 0);
				}
				this.headerBytes = bytes;
			}
			this.sink = this.decoder.decode(record.headers(), record.value());
		}

	}

	/**
	 * (3) The CloudEvents SDK's Kafka deserializer, then Jackson on the event's data.
	 */
	static final class Sdk extends PollLoop<CloudEvent> {

		private final HandWrittenCloudEvents decoder;

		Sdk(Map<String, Object> consumerConfig, HandWrittenCloudEvents decoder) {
			super("SDK CloudEventDeserializer + Jackson",
					"(3) raw poll loop with the CloudEvents SDK's CloudEventDeserializer, Jackson on the data",
					consumerConfig);
			this.decoder = decoder;
		}

		@Override
		Deserializer<CloudEvent> valueDeserializer() {
			return new CloudEventDeserializer();
		}

		@Override
		void process(ConsumerRecord<byte[], CloudEvent> record) {
			CloudEvent event = record.value();
			if ("CashierCreated".equals(event.getType()) && event.getData() != null) {
				this.sink = this.decoder.bind(event.getData().toBytes());
			}
		}

	}

	/**
	 * (5) Our CloudEvent reader and data binder in the raw poll loop of (2): what our decoding costs without the
	 * listener container.
	 */
	static final class OurDecodingInRawLoop extends PollLoop<byte[]> {

		private final io.momentum.kafka.cloudevents.CloudEventReader reader;

		private final io.momentum.kafka.cloudevents.CloudEventDataBinder binder;

		OurDecodingInRawLoop(Map<String, Object> consumerConfig, io.momentum.kafka.cloudevents.CloudEventReader reader,
				io.momentum.kafka.cloudevents.CloudEventDataBinder binder) {
			super("raw + our reader + binder", "(5) raw poll loop with our CloudEvent reader and data binder",
					consumerConfig);
			this.reader = reader;
			this.binder = binder;
		}

		@Override
		Deserializer<byte[]> valueDeserializer() {
			return new ByteArrayDeserializer();
		}

		@Override
		void process(ConsumerRecord<byte[], byte[]> record) {
			CloudEvent event = this.reader.read(record.headers(), record.value());
			if ("CashierCreated".equals(event.getType())) {
				this.sink = this.binder.bind(event, CashierCreated.class);
			}
		}

	}

	/**
	 * (4) Our typed {@code @IntegrationEventHandler} with a no-op body, in its listener container.
	 */
	static final class Ours extends ConsumerContender {

		private final ConcurrentMessageListenerContainer<byte[], byte[]> container;

		private final CountingHandler handler;

		Ours(ConcurrentMessageListenerContainer<byte[], byte[]> container, CountingHandler handler) {
			super("ours: @IntegrationEventHandler", "(4) our typed handler with a no-op body");
			this.container = container;
			this.handler = handler;
		}

		@Override
		void drain(String topic, String group, int count, Runnable finished) throws InterruptedException {
			this.handler.reset();
			this.container.getContainerProperties().setGroupId(group);
			long started = System.nanoTime();
			this.container.start();
			try {
				while (!this.handler.awaitHandled(count, Duration.ofMillis(100))) {
					checkTimeout(started, (int) this.handler.handled(), count);
				}
				finished.run();
			}
			finally {
				this.container.stop();
			}
		}

	}

}
