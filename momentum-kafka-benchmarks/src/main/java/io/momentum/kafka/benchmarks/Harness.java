package io.momentum.kafka.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.momentum.kafka.autoconfigure.IntegrationEventConsumerConfigurer;
import io.momentum.kafka.benchmarks.BenchmarkApplication.CountingHandler;
import io.momentum.kafka.benchmarks.HarnessResults.LatencyRun;
import io.momentum.kafka.benchmarks.HarnessResults.Run;
import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.benchmarks.events.SampleEvents;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.AppInfoParser;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Runs the contenders against one broker: producer throughput, publish-to-ack latency at a fixed rate, consumer
 * drain of a pre-filled topic, and publish-to-handler latency. Contenders take turns within each round (the order
 * rotates from round to round), after warm-up rounds that are not reported.
 */
final class Harness implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(Harness.class);

	private static final String SOURCE = "appdomain-api";

	/** Enough distinct events that keys spread over partitions, few enough to stay in cache like real traffic. */
	private static final int POOL_SIZE = 10_000;

	/** The broker process's JVM: a throughput broker rather than the test module's quick-start defaults. */
	static final List<String> BROKER_JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
			"-XX:MaxGCPauseMillis=20");

	private final HarnessSettings settings;

	private final Consumer<String> progress;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final String runId;

	Harness(HarnessSettings settings, Consumer<String> progress) {
		this.settings = settings;
		this.progress = progress;
		Random random = new Random();
		StringBuilder id = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			id.append((char) ('a' + random.nextInt(26)));
		}
		this.runId = id.toString();
	}

	HarnessResults run() throws Exception {
		HarnessResults results = new HarnessResults();
		String bootstrapServers = broker(results);
		CashierCreated[] pool = SampleEvents.cashiersCreated(POOL_SIZE);

		ConfigurableApplicationContext binary = context(bootstrapServers, "p", Map.of(
				"momentum.kafka.cloudevents.mode", "binary", "momentum.kafka.consumer.enabled", "false"));
		ConfigurableApplicationContext structured = context(bootstrapServers, "p", Map.of(
				"momentum.kafka.cloudevents.mode", "structured", "momentum.kafka.consumer.enabled", "false"));
		Map<String, Object> producerConfig = producerConfig(binary);
		describeProducer(results, producerConfig);
		EventDescriptor produced = binary.getBean(EventCatalog.class).require(CashierCreated.class);
		HandWrittenCloudEvents encoder = new HandWrittenCloudEvents(binary.getBean(JsonMapper.class), produced.topic(),
				SOURCE);
		List<ProducerContender> producers = List.of(
				closing(new ProducerContender.Prebuilt(producerConfig, encoder, pool)),
				closing(new ProducerContender.HandWritten(producerConfig, encoder)),
				closing(new ProducerContender.Template(producerConfig, encoder)), ours(binary, "ours: binary",
						"(4) our IntegrationEventPublisher, binary mode (the default)"),
				ours(structured, "ours: structured", "(5) our IntegrationEventPublisher, structured mode"));
		checkSameWireFormat(producers.get(1), producers.get(3), pool[0]);
		results.environment.put("record size", ProducerContender.size(producers.get(3).sample(pool[0]))
				+ " bytes in binary mode (key, value and headers before compression; the data JSON is "
				+ producers.get(3).sample(pool[0]).value().length + " bytes), "
				+ ProducerContender.size(producers.get(4).sample(pool[0])) + " bytes in structured mode");

		if (this.settings.runs("producer")) {
			producerThroughput(results, producers, pool);
		}
		if (this.settings.runs("latency")) {
			producerLatency(results, producers, pool);
		}
		for (ProducerContender contender : producers) {
			close(contender);
		}
		close(structured);
		close(binary);

		if (this.settings.runs("consumer")) {
			ConfigurableApplicationContext consuming = context(bootstrapServers, "c",
					Map.of("momentum.kafka.consumer.auto-offset-reset", "earliest", "spring.kafka.listener.auto-startup",
							"false", "momentum.kafka.consumer.group-id", "bench-" + this.runId));
			consumerThroughput(results, consuming, pool);
			close(consuming);
		}
		if (this.settings.runs("e2e")) {
			ConfigurableApplicationContext endToEnd = context(bootstrapServers, "e",
					Map.of("momentum.kafka.consumer.group-id", "bench-e2e-" + this.runId));
			endToEndLatency(results, endToEnd);
		}
		results.environment.put("load average at the end", String.format(Locale.ROOT, "%.2f", ProcessCpu.loadAverage()));
		return results;
	}

	private String broker(HarnessResults results) {
		if (this.settings.bootstrapServers() != null) {
			results.environment.put("broker", "given: " + this.settings.bootstrapServers());
			return this.settings.bootstrapServers();
		}
		KafkaBrokerProcess broker = KafkaBrokerProcess.builder()
			.jvmOptions(BROKER_JVM_OPTIONS.toArray(String[]::new))
			.serverProperty("num.partitions", Integer.toString(this.settings.partitions()))
			// Old segments are deleted so that repeated runs do not fill the disk
			.serverProperty("log.retention.bytes", Long.toString(512L * 1024 * 1024))
			.serverProperty("log.segment.bytes", Long.toString(64L * 1024 * 1024))
			.serverProperty("log.retention.check.interval.ms", "10000")
			.build();
		this.resources.add(broker);
		long started = System.nanoTime();
		broker.start();
		this.progress.accept("Broker process started in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
				+ " ms: " + broker.bootstrapServers());
		results.environment.put("broker", "one Apache Kafka " + AppInfoParser.getVersion()
				+ " KRaft broker (combined broker and controller) in its own JVM on this machine, started by the "
				+ "harness (`KafkaBrokerProcess`, JVM options `" + String.join(" ", BROKER_JVM_OPTIONS) + "`)");
		return broker.bootstrapServers();
	}

	private ConfigurableApplicationContext context(String bootstrapServers, String phase,
			Map<String, String> properties) {
		String environment = "bench-" + phase + "-" + this.runId;
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("spring.application.name", SOURCE);
		all.put("spring.main.banner-mode", "off");
		all.put("ConnectionStrings.Messaging", bootstrapServers);
		all.put("momentum.kafka.environment", environment);
		all.put("momentum.kafka.environment-aliases." + environment, environment);
		all.put("momentum.kafka.topics.partitions", this.settings.partitions());
		all.put("logging.level.root", "WARN");
		all.putAll(properties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.properties(all)
			.logStartupInfo(false)
			.run();
		this.resources.add(context);
		awaitLeaders(bootstrapServers, context.getBean(EventCatalog.class).require(CashierCreated.class).topic());
		return context;
	}

	/**
	 * Wait until every partition of a just-provisioned topic has a leader, then a little longer: a broker that has
	 * not applied the new partitions yet answers NOT_LEADER_OR_FOLLOWER, and an idempotent producer flooding it
	 * then can end up stuck on OUT_OF_ORDER_SEQUENCE_NUMBER until delivery.timeout.ms (seen on the in-JVM broker).
	 */
	private void awaitLeaders(String bootstrapServers, String topic) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (true) {
				TopicDescription description = admin.describeTopics(List.of(topic))
					.allTopicNames()
					.get(10, TimeUnit.SECONDS)
					.get(topic);
				if (description.partitions().stream().allMatch((partition) -> partition.leader() != null)) {
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Topic " + topic + " has partitions without a leader after 30 s");
				}
				Thread.sleep(50);
			}
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot describe topic " + topic, ex);
		}
	}

	private static Map<String, Object> producerConfig(ConfigurableApplicationContext context) {
		// The configuration our publisher's producer is built from (Boot's producer factory with Momentum's
		// defaults): every contender gets it
		Map<String, Object> config = new HashMap<>(context.getBean(ProducerFactory.class).getConfigurationProperties());
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
		config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
		return config;
	}

	private static void describeProducer(HarnessResults results, Map<String, Object> config) {
		StringBuilder settings = new StringBuilder();
		for (String key : List.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
				ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG, ProducerConfig.COMPRESSION_TYPE_CONFIG,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, ProducerConfig.BUFFER_MEMORY_CONFIG)) {
			Object value = config.get(key);
			settings.append((settings.isEmpty()) ? "" : ", ")
				.append(key)
				.append('=')
				.append((value != null) ? value : "(Kafka default)");
		}
		results.environment.put("producer settings (every contender)", settings.toString());
	}

	private ProducerContender ours(ConfigurableApplicationContext context, String name, String description) {
		return new ProducerContender.Ours(name, description, context.getBean(IntegrationEventPublisher.class),
				context.getBean(CloudEventRecordFactory.class),
				context.getBean(EventCatalog.class).require(CashierCreated.class));
	}

	/**
	 * The fair baseline must write what we write, or the comparison is not fair: same header names, same value.
	 */
	private static void checkSameWireFormat(ProducerContender baseline, ProducerContender ours, CashierCreated event) {
		ProducerRecord<String, byte[]> theirs = baseline.sample(event);
		ProducerRecord<String, byte[]> our = ours.sample(event);
		List<String> theirNames = new ArrayList<>();
		theirs.headers().forEach((header) -> theirNames.add(header.key()));
		List<String> ourNames = new ArrayList<>();
		our.headers().forEach((header) -> ourNames.add(header.key()));
		if (!new HashSet<>(theirNames).equals(new HashSet<>(ourNames))
				|| !Arrays.equals(theirs.value(), our.value()) || !theirs.key().equals(our.key())) {
			throw new IllegalStateException("The fair baseline does not write what our publisher writes: headers "
					+ theirNames + " vs " + ourNames + ", key " + theirs.key() + " vs " + our.key());
		}
	}

	private void producerThroughput(HarnessResults results, List<ProducerContender> contenders, CashierCreated[] pool)
			throws InterruptedException {
		int events = this.settings.producerEvents();
		for (int round = -this.settings.warmupRounds(); round < this.settings.rounds(); round++) {
			for (ProducerContender contender : rotated(contenders, round)) {
				Run run = throughput(contender, pool, events, round);
				if (round >= 0) {
					results.producer(contender, ProducerContender.size(contender.sample(pool[0]))).runs.add(run);
				}
				this.progress.accept(String.format(Locale.ROOT, "producer %s round %d: %,.0f events/s, %.2f µs CPU/event",
						contender.name(), round, run.eventsPerSecond(), run.cpuMicrosPerEvent()));
			}
		}
	}

	private static Run throughput(ProducerContender contender, CashierCreated[] pool, int events, int round)
			throws InterruptedException {
		settle();
		Completion completion = new Completion(events);
		long cpu = ProcessCpu.nanos();
		long start = System.nanoTime();
		for (int i = 0; i < events; i++) {
			contender.send(pool[i % pool.length], i, completion);
		}
		completion.await(300);
		long nanos = System.nanoTime() - start;
		cpu = ProcessCpu.nanos() - cpu;
		return new Run(round, events, nanos, cpu, ProcessCpu.loadAverage());
	}

	private void producerLatency(HarnessResults results, List<ProducerContender> contenders, CashierCreated[] pool)
			throws InterruptedException {
		int count = this.settings.latencyRate() * this.settings.latencySeconds();
		for (int round = -this.settings.latencyWarmupRounds(); round < this.settings.latencyRounds(); round++) {
			for (ProducerContender contender : rotated(contenders, round)) {
				settle();
				LatencyRecorder recorder = new LatencyRecorder(this.settings.latencyRate(), count);
				for (int i = 0; i < count; i++) {
					recorder.awaitSchedule(i);
					contender.send(pool[i % pool.length], i, recorder.acknowledgement(i));
				}
				LatencyRun run = latencyRun(round, recorder);
				if (round >= 0) {
					results.producerLatency(contender).runs.add(run);
				}
				this.progress.accept(String.format(Locale.ROOT, "publish-to-ack %s round %d: p50 %.2f ms, p99 %.2f ms",
						contender.name(), round, run.p50() / 1e6, run.p99() / 1e6));
			}
		}
	}

	private static LatencyRun latencyRun(int round, LatencyRecorder recorder) throws InterruptedException {
		long[] sorted = recorder.await(120);
		return new LatencyRun(round, sorted.length, Stats.percentile(sorted, 50), Stats.percentile(sorted, 99),
				sorted[sorted.length - 1], ProcessCpu.loadAverage());
	}

	private void consumerThroughput(HarnessResults results, ConfigurableApplicationContext context,
			CashierCreated[] pool) throws Exception {
		EventDescriptor descriptor = context.getBean(EventCatalog.class).require(CashierCreated.class);
		String topic = descriptor.topic();
		int events = this.settings.consumerEvents();
		IntegrationEventPublisher publisher = context.getBean(IntegrationEventPublisher.class);
		long started = System.nanoTime();
		Completion filled = new Completion(events);
		for (int i = 0; i < events; i++) {
			publisher.publish(pool[i % pool.length]).whenComplete(filled);
		}
		filled.await(300);
		this.progress.accept(String.format(Locale.ROOT, "Pre-filled %s with %,d events (our publisher, binary) in %d ms",
				topic, events, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
		int recordBytes = ProducerContender
			.size(context.getBean(CloudEventRecordFactory.class).create(descriptor, pool[0], Map.of()).record());

		IntegrationEventConsumerConfigurer configurer = context.getBean(IntegrationEventConsumerConfigurer.class);
		Map<String, Object> consumerConfig = configurer
			.consumerProperties(context.getBean(ConsumerFactory.class).getConfigurationProperties());
		consumerConfig.remove("key.deserializer");
		consumerConfig.remove("value.deserializer");
		HandWrittenCloudEvents decoder = new HandWrittenCloudEvents(context.getBean(JsonMapper.class), topic, SOURCE);
		ConcurrentMessageListenerContainer<byte[], byte[]> container = context
			.getBean(IntegrationEventListenerContainers.class)
			.getContainer(topic);
		if (container == null) {
			throw new IllegalStateException("No integration-event container for " + topic);
		}
		List<ConsumerContender> contenders = List.of(new ConsumerContender.IgnoringValues(consumerConfig),
				ConsumerContender.HandWritten.fairBaseline(consumerConfig, decoder),
				new ConsumerContender.Sdk(consumerConfig, decoder),
				new ConsumerContender.Ours(container, context.getBean(CountingHandler.class)),
				new ConsumerContender.OurDecodingInRawLoop(consumerConfig,
						context.getBean(io.momentum.kafka.cloudevents.CloudEventReader.class),
						context.getBean(io.momentum.kafka.cloudevents.CloudEventDataBinder.class)),
				ConsumerContender.HandWritten.readingEveryHeader(consumerConfig, decoder));
		for (int round = -this.settings.warmupRounds(); round < this.settings.rounds(); round++) {
			for (ConsumerContender contender : rotated(contenders, round)) {
				settle();
				String group = "bench-" + this.runId + "-" + contenders.indexOf(contender) + "-" + (round + 100);
				long[] end = new long[2];
				long cpu = ProcessCpu.nanos();
				long start = System.nanoTime();
				contender.drain(topic, group, events, () -> {
					end[0] = System.nanoTime();
					end[1] = ProcessCpu.nanos();
				});
				Run run = new Run(round, events, end[0] - start, end[1] - cpu, ProcessCpu.loadAverage());
				if (round >= 0) {
					results.consumer(contender, recordBytes).runs.add(run);
				}
				this.progress.accept(String.format(Locale.ROOT, "consumer %s round %d: %,.0f events/s, %.2f µs CPU/event",
						contender.name(), round, run.eventsPerSecond(), run.cpuMicrosPerEvent()));
			}
		}
	}

	private void endToEndLatency(HarnessResults results, ConfigurableApplicationContext context)
			throws InterruptedException {
		String topic = context.getBean(EventCatalog.class).require(CashierCreated.class).topic();
		ConcurrentMessageListenerContainer<byte[], byte[]> container = context
			.getBean(IntegrationEventListenerContainers.class)
			.getContainer(topic);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (container == null || container.getAssignedPartitions().size() < this.settings.partitions()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The integration-event container of " + topic
						+ " was not assigned its partitions within 60 s");
			}
			Thread.sleep(20);
		}
		IntegrationEventPublisher publisher = context.getBean(IntegrationEventPublisher.class);
		CountingHandler handler = context.getBean(CountingHandler.class);
		int count = this.settings.latencyRate() * this.settings.latencySeconds();
		for (int round = -this.settings.latencyWarmupRounds(); round < this.settings.latencyRounds(); round++) {
			settle();
			LatencyRecorder recorder = new LatencyRecorder(this.settings.latencyRate(), count);
			handler.recordProbes(recorder.arrivals());
			for (int i = 0; i < count; i++) {
				recorder.awaitSchedule(i);
				publisher.publish(SampleEvents.probe(i));
			}
			LatencyRun run = latencyRun(round, recorder);
			handler.recordProbes(null);
			if (round >= 0) {
				results.endToEnd.runs.add(run);
			}
			this.progress.accept(String.format(Locale.ROOT, "publish-to-handler round %d: p50 %.2f ms, p99 %.2f ms",
					round, run.p50() / 1e6, run.p99() / 1e6));
		}
	}

	/**
	 * The contenders in the order of a round: rotated by one each round, so that no contender always runs right
	 * after the same other one (or first, on a broker that just rested).
	 */
	static <T> List<T> rotated(List<T> contenders, int round) {
		int size = contenders.size();
		int shift = Math.floorMod(round, size);
		List<T> order = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			order.add(contenders.get((i + shift) % size));
		}
		return order;
	}

	/**
	 * The same starting conditions for every run: garbage from the previous run collected, the broker's flush of
	 * it done.
	 */
	private static void settle() throws InterruptedException {
		System.gc();
		Thread.sleep(Duration.ofMillis(300).toMillis());
	}

	private <T extends AutoCloseable> T closing(T resource) {
		this.resources.add(resource);
		return resource;
	}

	private void close(AutoCloseable resource) throws Exception {
		resource.close();
		this.resources.remove(resource);
	}

	@Override
	public void close() {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.get(i).close();
			}
			catch (Exception ex) {
				logger.warn("Could not close " + this.resources.get(i), ex);
			}
		}
		this.resources.clear();
	}

}
