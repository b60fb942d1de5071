package io.momentum.kafka.it.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.consuming.ConsumptionObserver;
import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static io.momentum.kafka.it.reliability.ReliabilityReport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 2,000 records of seeded random bytes into a consumed topic (system property {@code momentum.reliability.fuzz-seed}
 * replays a run): garbage values, valid CloudEvents with mutated bytes, mutated headers, structured envelopes,
 * events of a type without a handler and intact events. Every record must end exactly once as handled, skipped or
 * dead-lettered, the counts must add up to what was written, and the consumer must still be alive afterwards.
 */
class PoisonRecordFuzzIntegrationTests {

	private static final int RECORDS = 2_000;

	private static final long SEED = Long.getLong("momentum.reliability.fuzz-seed", 20_251_128L);

	private static final String[] HEADERS = { "ce_specversion", "ce_id", "ce_source", "ce_type", "content-type",
			"ce_time", "ce_partitionkey" };

	@AutoClose
	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBrokerProcess.builder().build();
		broker.start();
	}

	@Test
	void everyFuzzedRecordIsHandledSkippedOrDeadLetteredAndTheConsumerLives() throws Exception {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		Set<String> skipped = ConcurrentHashMap.newKeySet();
		ConsumptionObserver skippedObserver = new ConsumptionObserver() {
			@Override
			public void onSkipped(Consumption consumption) {
				skipped.add(consumption.partition() + "@" + consumption.offset());
			}
		};
		Map<String, Object> properties = LedgerService.defaults(broker.bootstrapServers(), "fuzz");
		properties.put("momentum.kafka.retry.max-attempts", 2);
		properties.put("momentum.kafka.retry.initial-interval", "10ms");
		try (LedgerService service = LedgerService.start(properties, ledger, Map.of("skippedRecords", skippedObserver))) {
			String topic = service.topic();
			String deadLetterTopic = topic + ".dead-letter";
			await().atMost(Duration.ofSeconds(60)).until(() -> service.container().getAssignedPartitions().size() == 3);

			Map<String, Integer> kinds = writeFuzz(topic);

			Map<TopicPartition, Long> end = endOffsets(topic);
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> LedgerService.committedOffsets(broker, topic).equals(end));

			Set<String> handled = new HashSet<>();
			ledger.deliveries().forEach((delivery) -> handled.add(delivery.partition() + "@" + delivery.offset()));
			List<String> deadLettered = new ArrayList<>();
			for (ConsumerRecord<byte[], byte[]> record : TopicContents.read(broker.bootstrapServers(), deadLetterTopic)
				.records()) {
				assertThat(text(record.headers().lastHeader("kafka_dlt-original-topic"))).isEqualTo(topic);
				deadLettered.add(ByteBuffer.wrap(record.headers().lastHeader("kafka_dlt-original-partition").value())
					.getInt() + "@"
						+ ByteBuffer.wrap(record.headers().lastHeader("kafka_dlt-original-offset").value()).getLong());
			}
			Set<String> outcomes = new HashSet<>();
			outcomes.addAll(handled);
			outcomes.addAll(skipped);
			outcomes.addAll(deadLettered);
			Set<String> written = new HashSet<>();
			end.forEach((partition, offset) -> {
				for (long i = 0; i < offset; i++) {
					written.add(partition.partition() + "@" + i);
				}
			});

			// The consumer is alive: events published now are handled.
			for (int i = 0; i < 10; i++) {
				service.publish(ledger, "after-fuzz-" + i, i);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> ledger.pending() == 0 && ledger.missing().isEmpty());
			Status status = service.health().getStatus();

			ReliabilityReport.record(new Row(Scenario.FUZZ,
					count(RECORDS) + " records (seed " + SEED + "): " + handled.size() + " handled, " + skipped.size()
							+ " skipped, " + deadLettered.size() + " dead-lettered",
					written.size() - outcomes.size(),
					(handled.size() + skipped.size() + deadLettered.size() - outcomes.size())
							+ " records with two outcomes, " + ledger.duplicates() + " handled twice",
					"n/a", Duration.ofNanos(System.nanoTime() - started),
					"kinds written " + kinds + "; consumer alive afterwards (10 new events handled), health "
							+ status + ", committed offsets at the log end"));

			assertThat(written).hasSize(RECORDS);
			assertThat(handled.size() + skipped.size() + deadLettered.size()).isEqualTo(RECORDS);
			assertThat(outcomes).isEqualTo(written);
			assertThat(skipped).doesNotContainAnyElementsOf(handled);
			assertThat(deadLettered).doesNotContainAnyElementsOf(handled).doesNotContainAnyElementsOf(skipped);
			assertThat(kinds.get("intact")).isLessThanOrEqualTo(handled.size());
			assertThat(kinds.get("no handler")).isLessThanOrEqualTo(skipped.size());
			assertThat(kinds.get("garbage")).isLessThanOrEqualTo(deadLettered.size());
			assertThat(service.container().isRunning()).isTrue();
			assertThat(status).isEqualTo(Status.UP);
			assertThat(ledger.duplicates()).isZero();
		}
	}

	/**
	 * Writes the fuzz with a plain producer, one record in flight at a time so the topic holds them in this order.
	 * @return how many of each kind
	 */
	private static Map<String, Integer> writeFuzz(String topic) throws Exception {
		Random random = new Random(SEED);
		Map<String, Integer> kinds = new java.util.TreeMap<>();
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 5);
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			for (int i = 0; i < RECORDS; i++) {
				int kind = random.nextInt(6);
				String account = "account-" + random.nextInt(50);
				List<Header> headers = new ArrayList<>();
				byte[] value;
				switch (kind) {
					case 0 -> {
						kinds.merge("garbage", 1, Integer::sum);
						value = bytes(random, random.nextInt(2048));
						if (random.nextBoolean()) {
							headers.add(new RecordHeader(HEADERS[random.nextInt(HEADERS.length)],
									bytes(random, random.nextInt(40))));
						}
					}
					case 1 -> {
						kinds.merge("mutated value", 1, Integer::sum);
						headers.addAll(binaryHeaders(random, "PaymentRecorded", account));
						value = mutate(random, paymentJson(account, i));
					}
					case 2 -> {
						kinds.merge("mutated header", 1, Integer::sum);
						headers.addAll(binaryHeaders(random, "PaymentRecorded", account));
						int victim = random.nextInt(headers.size());
						Header original = headers.get(victim);
						headers.set(victim, new RecordHeader(original.key(), random.nextBoolean()
								? bytes(random, random.nextInt(40)) : mutate(random, original.value())));
						value = paymentJson(account, i);
					}
					case 3 -> {
						kinds.merge("mutated structured", 1, Integer::sum);
						headers.add(new RecordHeader("content-type",
								"application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
						value = mutate(random, ("{\"specversion\":\"1.0\",\"id\":\"" + uuid(random)
								+ "\",\"source\":\"fuzz\",\"type\":\"PaymentRecorded\",\"datacontenttype\":"
								+ "\"application/json\",\"data\":" + new String(paymentJson(account, i), StandardCharsets.UTF_8)
								+ "}").getBytes(StandardCharsets.UTF_8));
					}
					case 4 -> {
						kinds.merge("no handler", 1, Integer::sum);
						headers.addAll(binaryHeaders(random, "PaymentAudited", account));
						value = ("{\"account\":\"" + account + "\"}").getBytes(StandardCharsets.UTF_8);
					}
					default -> {
						kinds.merge("intact", 1, Integer::sum);
						headers.addAll(binaryHeaders(random, "PaymentRecorded", account));
						value = paymentJson(account, i);
					}
				}
				byte[] key = random.nextInt(10) == 0 ? bytes(random, random.nextInt(20))
						: account.getBytes(StandardCharsets.UTF_8);
				producer.send(new ProducerRecord<>(topic, null, key, value, headers));
			}
			producer.flush();
		}
		return kinds;
	}

	/** A random but reproducible event id. */
	private static String uuid(Random random) {
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	private static List<Header> binaryHeaders(Random random, String type, String account) {
		return new ArrayList<>(List.of(header("ce_specversion", "1.0"), header("ce_id", uuid(random)),
				header("ce_source", "fuzz"), header("ce_type", type), header("content-type", "application/json"),
				header("ce_time", "2025-11-28T10:30:00Z"), header("ce_partitionkey", account)));
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] paymentJson(String account, long sequence) {
		return ("{\"account\":\"" + account + "\",\"sequence\":" + sequence + ",\"publishedAtNanos\":"
				+ (1_000_000L * sequence) + "}").getBytes(StandardCharsets.UTF_8);
	}

	/** Overwrites, inserts, deletes or truncates a few bytes. */
	private static byte[] mutate(Random random, byte[] original) {
		List<Byte> bytes = new ArrayList<>();
		for (byte b : original) {
			bytes.add(b);
		}
		int mutations = 1 + random.nextInt(4);
		for (int m = 0; m < mutations && !bytes.isEmpty(); m++) {
			int at = random.nextInt(bytes.size());
			switch (random.nextInt(4)) {
				case 0 -> bytes.set(at, (byte) random.nextInt(256));
				case 1 -> bytes.add(at, (byte) random.nextInt(256));
				case 2 -> bytes.remove(at);
				default -> bytes.subList(at, bytes.size()).clear();
			}
		}
		byte[] mutated = new byte[bytes.size()];
		for (int i = 0; i < mutated.length; i++) {
			mutated[i] = bytes.get(i);
		}
		return mutated;
	}

	private static byte[] bytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static String text(Header header) {
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		try (Admin admin = broker.createAdmin()) {
			Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
			for (int partition = 0; partition < 3; partition++) {
				request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
			}
			Map<TopicPartition, Long> end = new java.util.HashMap<>();
			admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((partition, info) -> end.put(partition,
					info.offset()));
			return end;
		}
	}

}
