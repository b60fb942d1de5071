package io.momentum.kafka.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.momentum.kafka.it.reliability.DeliveryLedger.Delivery;
import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.momentum.kafka.it.reliability.ReliabilityReport.count;
import static io.momentum.kafka.it.reliability.ReliabilityReport.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consuming service stops in the middle of a batch and starts again: its application context closed, and its
 * JVM SIGKILLed. Every event is handled; exactly the events handled after the last committed offset are handled
 * again (the duplicates an at-least-once consumer owes), and none is lost.
 */
class ConsumerRestartIntegrationTests {

	private static final int EVENTS = 6_000;

	/** Stop after this many handled events: half way through the fifth poll of 500 records. */
	private static final int MID_BATCH = 2_250;

	@AutoClose
	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBrokerProcess.builder().build();
		broker.start();
	}

	@Test
	void contextClosedMidBatchAndStartedAgainHandlesEveryEvent() throws Exception {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		Map<String, Object> properties = consumerProperties("clos");
		String topic = publishAll(properties, ledger);

		LedgerService consumer = LedgerService.start(properties, ledger);
		long closing;
		try {
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.handledCount() >= MID_BATCH);
		}
		finally {
			closing = System.nanoTime();
			consumer.close();
		}
		long closed = System.nanoTime();
		List<Delivery> firstRun = ledger.deliveries();
		long expectedAgain = handledAfterCommit(firstRun, topic, LedgerService.committedOffsets(broker, topic));

		restartAndHandleTheRest(properties, ledger, expectedAgain, Scenario.CONSUMER_CONTEXT_CLOSED, started,
				count(firstRun.size()) + " handled before the close", closing, "after the close began",
				"context close took " + seconds(Duration.ofNanos(closed - closing))
						+ "; the batch in hand is finished and committed before the consumer stops");
	}

	@Test
	void consumingJvmKilledMidBatchAndStartedAgainHandlesEveryEvent(@TempDir Path directory) throws Exception {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		Map<String, Object> properties = consumerProperties("ckil");
		String topic = publishAll(properties, ledger);

		Path handledFile = directory.resolve("handled.csv");
		Path log = directory.resolve("consumer.log");
		Process consumer = launch(properties, handledFile, log, directory);
		long killed;
		try {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10)).until(() -> {
				assertThat(consumer.isAlive()).as("consumer JVM alive; its log: %s", log).isTrue();
				return lines(handledFile).size() >= MID_BATCH;
			});
		}
		finally {
			killed = System.nanoTime();
			consumer.destroyForcibly();
			consumer.waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(consumer.exitValue()).isEqualTo(137);
		List<Delivery> firstRun = lines(handledFile).stream()
			.map(Delivery::parse)
			.filter(Objects::nonNull)
			.toList();
		long expectedAgain = handledAfterCommit(firstRun, topic, LedgerService.committedOffsets(broker, topic));
		ledger.addHandledElsewhere(firstRun);

		restartAndHandleTheRest(properties, ledger, expectedAgain, Scenario.CONSUMER_PROCESS_KILLED, started,
				count(firstRun.size()) + " handled before the kill", killed, "after the kill",
				"the restart waits for the killed member's session (6 s) to expire");
	}

	/**
	 * Starts the service again and waits until it handles again and until every acknowledged event is handled;
	 * records the scenario's row, then asserts that none is lost and exactly {@code expectedAgain} are handled again.
	 * @param properties the service's properties
	 * @param ledger the scenario's ledger
	 * @param expectedAgain events handled before the stop at or after their partition's last committed offset
	 * @param scenario the report row's scenario
	 * @param started when the test started ({@link System#nanoTime()})
	 * @param handledBeforeStop how many events were handled before the stop, for the row
	 * @param stopping when the stop began ({@link System#nanoTime()})
	 * @param afterStop how the row's recovery time ends, for example {@code after the kill}
	 * @param measured the row's other figures
	 */
	private static void restartAndHandleTheRest(Map<String, Object> properties, DeliveryLedger ledger,
			long expectedAgain, Scenario scenario, long started, String handledBeforeStop, long stopping,
			String afterStop, String measured) {
		long handledBeforeRestart = ledger.handledCount();
		try (LedgerService restarted = LedgerService.start(properties, ledger)) {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> ledger.handledCount() > handledBeforeRestart || ledger.missing().isEmpty());
			long resumed = System.nanoTime();
			await().atMost(Duration.ofSeconds(120)).until(() -> ledger.missing().isEmpty());

			ReliabilityReport.record(new Row(scenario, count(EVENTS) + " acknowledged; " + handledBeforeStop,
					ledger.missing().size(), ledger.duplicates() + " handled (expected " + expectedAgain + ")",
					"handling again " + seconds(Duration.ofNanos(resumed - stopping)) + " " + afterStop,
					Duration.ofNanos(System.nanoTime() - started), measured));

			assertThat(ledger.missing()).isEmpty();
			assertThat(ledger.duplicates()).isEqualTo(expectedAgain);
		}
	}

	private static Map<String, Object> consumerProperties(String environment) {
		Map<String, Object> properties = LedgerService.defaults(broker.bootstrapServers(), environment);
		// A killed member leaves the group when its session expires: 6 s is the broker's minimum.
		properties.put("momentum.kafka.consumer.session-timeout", "6s");
		properties.put("momentum.kafka.consumer.heartbeat-interval", "2s");
		// Stands for the handler's work: a batch of 500 takes about half a second.
		properties.put("ledger.handler-pause", "1ms");
		return properties;
	}

	/**
	 * Publishes {@link #EVENTS} events from a publish-only instance of the service and waits for every
	 * acknowledgement.
	 */
	private static String publishAll(Map<String, Object> consumerProperties, DeliveryLedger ledger) {
		Map<String, Object> properties = new java.util.LinkedHashMap<>(consumerProperties);
		properties.put("momentum.kafka.consumer.enabled", false);
		try (LedgerService publisher = LedgerService.start(properties, ledger)) {
			publisher.warmUp();
			for (int i = 0; i < EVENTS; i++) {
				publisher.publish(ledger, "account-" + (i % 64), i);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.pending() == 0);
			assertThat(ledger.acknowledgedCount()).isEqualTo(EVENTS);
			return publisher.topic();
		}
	}

	/**
	 * Handled records at or after their partition's committed offset: a restarted consumer reads them again.
	 */
	private static long handledAfterCommit(List<Delivery> deliveries, String topic,
			Map<TopicPartition, Long> committed) {
		return deliveries.stream().filter((delivery) -> {
			Long offset = committed.get(new TopicPartition(topic, delivery.partition()));
			return offset == null || delivery.offset() >= offset;
		}).count();
	}

	private static Process launch(Map<String, Object> properties, Path handledFile, Path log, Path directory)
			throws IOException {
		List<String> arguments = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-D" + LedgerConsumerMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid(), "-cp",
				System.getProperty("java.class.path"), LedgerConsumerMain.class.getName()));
		properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.add("--" + LedgerConsumerMain.HANDLED_FILE_PROPERTY + "=" + handledFile);
		// One quoted argument per line: the class path can exceed the kernel's limit for one argument.
		Path argumentFile = directory.resolve("jvm.args");
		Files.writeString(argumentFile, arguments.stream()
			.map((argument) -> "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining("\n", "", "\n")));
		Files.createFile(handledFile);
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"@" + argumentFile).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static List<String> lines(Path file) throws IOException {
		return List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n")).stream()
			.filter((line) -> !line.isBlank())
			.toList();
	}

}
