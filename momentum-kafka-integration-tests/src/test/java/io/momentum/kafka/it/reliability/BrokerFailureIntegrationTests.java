package io.momentum.kafka.it.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import static io.momentum.kafka.it.reliability.ReliabilityReport.count;
import static io.momentum.kafka.it.reliability.ReliabilityReport.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A single broker process fails under a running service: SIGKILLed in the middle of publishing and restarted, and
 * frozen for 30 seconds. Every acknowledged event must be in the topic once and handled; publishes that cannot
 * complete must fail, clearly, within the delivery timeout; the service must recover without a restart.
 */
class BrokerFailureIntegrationTests {

	@AutoClose
	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBrokerProcess.builder().build();
		broker.start();
	}

	@Test
	void brokerKilledInTheMiddleOfPublishingAndRestartedLosesNoAcknowledgedEvent() throws Exception {
		long started = System.nanoTime();
		int events = 20_000;
		DeliveryLedger ledger = new DeliveryLedger();
		Map<String, Object> properties = LedgerService.defaults(broker.bootstrapServers(), "kill");
		// Bounds how long an unacknowledged event may wait for the restarted broker (Kafka's default is 2 minutes).
		properties.put("spring.kafka.producer.properties.delivery.timeout.ms", 60_000);
		try (LedgerService service = LedgerService.start(properties, ledger)) {
			String topic = service.topic();
			service.warmUp();
			PacedPublisher publisher = new PacedPublisher(service, ledger, 4_000, events, (i) -> "account-" + (i % 64))
				.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.acknowledgedCount() >= 5_000);

			long killed = System.nanoTime();
			broker.kill();
			long acknowledgedAtKill = ledger.acknowledgedCount();
			long publishedAtKill = publisher.published();
			assertThat(broker.lastExitCode()).hasValue(137);
			broker.start();
			long restarted = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> ledger.acknowledgedCount() > acknowledgedAtKill);
			long firstAcknowledgementAfterRestart = System.nanoTime();

			publisher.awaitDone(Duration.ofSeconds(60));
			assertThat(publisher.thrown()).isEmpty();
			// Every future completes: acknowledged after the restart, or failed; none hangs.
			await().atMost(Duration.ofSeconds(90)).until(() -> ledger.pending() == 0);
			Map<String, PublishResult> acknowledged = ledger.acknowledged();
			List<Throwable> failures = ledger.failures();
			assertThat(acknowledged.size() + failures.size()).isEqualTo(events);
			assertFailedClearly(failures, topic);

			await().atMost(Duration.ofSeconds(120)).until(() -> ledger.missing().isEmpty());
			long allHandled = System.nanoTime();
			Map<String, Integer> copies = TopicContents.read(broker.bootstrapServers(), topic).copiesById();
			long extraCopies = copies.values().stream().mapToLong((n) -> n - 1).sum();
			Set<String> notInTopic = acknowledged.keySet()
				.stream()
				.filter((id) -> !copies.containsKey(id))
				.collect(Collectors.toSet());

			ReliabilityReport.record(new Row(Scenario.BROKER_KILLED_MID_PUBLISH,
					count(events) + " published (" + count(publishedAtKill) + " before the kill), "
							+ count(acknowledged.size()) + " acknowledged, " + count(failures.size()) + " failed",
					ledger.missing().size() + notInTopic.size(),
					extraCopies + " in the topic, " + ledger.duplicates() + " handled",
					"first acknowledgement " + seconds(Duration.ofNanos(firstAcknowledgementAfterRestart - killed))
							+ " after the kill",
					Duration.ofNanos(System.nanoTime() - started),
					"broker restart " + seconds(Duration.ofNanos(restarted - killed)) + "; all handled "
							+ seconds(Duration.ofNanos(allHandled - killed)) + " after the kill"));

			assertThat(notInTopic).as("acknowledged events missing from the topic").isEmpty();
			assertThat(acknowledged.keySet()).allSatisfy(
					(id) -> assertThat(copies.get(id)).as("copies of acknowledged event %s in the topic", id).isOne());
			assertThat(ledger.missing()).as("acknowledged events never handled").isEmpty();
		}
	}

	@Test
	void brokerUnreachableFor30SecondsFailsPublishesAfterTheDeliveryTimeoutAndRecoversWithoutRestart()
			throws Exception {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		Map<String, Object> properties = LedgerService.defaults(broker.bootstrapServers(), "down");
		properties.put("spring.kafka.producer.properties.delivery.timeout.ms", 8_000);
		properties.put("spring.kafka.producer.properties.request.timeout.ms", 3_000);
		properties.put("spring.kafka.producer.properties.max.block.ms", 5_000);
		try (LedgerService service = LedgerService.start(properties, ledger)) {
			String topic = service.topic();
			service.warmUp();
			publish(service, ledger, "before", 200);
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.missing().isEmpty() && ledger.pending() == 0);
			assertThat(service.health().getStatus()).isEqualTo(Status.UP);
			ConcurrentMessageListenerContainer<byte[], byte[]> container = service.container();

			long pid = broker.pid().getAsInt();
			long frozen = System.nanoTime();
			Signals.freeze(pid);
			List<Health> downHealth = new ArrayList<>();
			long slowestCheck;
			long failuresAfterMillis;
			try {
				List<CompletableFuture<PublishResult>> duringOutage = publish(service, ledger, "outage", 50);
				slowestCheck = 0;
				long firstDown = 0;
				while (System.nanoTime() - frozen < TimeUnit.SECONDS.toNanos(30)) {
					long before = System.nanoTime();
					Health health = service.health();
					slowestCheck = Math.max(slowestCheck, System.nanoTime() - before);
					if (health.getStatus().equals(Status.DOWN)) {
						downHealth.add(health);
						if (firstDown == 0) {
							firstDown = System.nanoTime();
						}
					}
					Thread.sleep(500);
				}
				assertThat(duringOutage).allMatch(CompletableFuture::isDone);
				failuresAfterMillis = TimeUnit.NANOSECONDS.toMillis(ledger.lastFailureNanos() - frozen);
			}
			finally {
				Signals.thaw(pid);
			}
			long thawed = System.nanoTime();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> service.health().getStatus().equals(Status.UP));
			long healthUp = System.nanoTime();
			publish(service, ledger, "after", 200);
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.pending() == 0 && ledger.missing().isEmpty());
			long recovered = System.nanoTime();

			List<Throwable> failures = ledger.failures();
			ReliabilityReport.record(new Row(Scenario.BROKER_UNREACHABLE,
					"400 published around the outage, 50 during it: " + ledger.acknowledged().size()
							+ " acknowledged, " + failures.size() + " failed",
					ledger.missing().size(), ledger.duplicates() + " handled",
					"health UP " + seconds(Duration.ofNanos(healthUp - thawed)) + ", publish and handle "
							+ seconds(Duration.ofNanos(recovered - thawed)) + " after the broker returned",
					Duration.ofNanos(System.nanoTime() - started),
					"publishes failed " + failuresAfterMillis / 1000.0 + " s into the outage (delivery.timeout.ms 8 s); "
							+ "slowest health check " + TimeUnit.NANOSECONDS.toMillis(slowestCheck) + " ms (timeout 2 s); "
							+ ledger.failedButHandled() + " failed publishes were written after all"));

			assertThat(downHealth).as("health during the outage").isNotEmpty();
			assertThat(downHealth).allSatisfy((health) -> assertThat(health.getDetails().get("reason")).asString()
				.startsWith("Kafka did not answer within 2s at " + broker.bootstrapServers()));
			assertThat(Duration.ofNanos(slowestCheck)).isLessThan(Duration.ofSeconds(3));
			assertThat(failures).hasSize(50);
			assertFailedClearly(failures, topic);
			assertThat(failures).allSatisfy((failure) -> assertThat(failure.getMessage())
				.contains("was not acknowledged: the broker could not be reached within delivery.timeout.ms"));
			assertThat(failuresAfterMillis).isBetween(8_000L, 20_000L);
			assertThat(service.container()).isSameAs(container);
			assertThat(container.isRunning()).isTrue();
			assertThat(ledger.missing()).isEmpty();
		}
	}

	private static List<CompletableFuture<PublishResult>> publish(LedgerService service, DeliveryLedger ledger,
			String prefix, int count) {
		List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			futures.add(service.publish(ledger, prefix + "-" + (i % 16), i));
		}
		return futures;
	}

	static void assertFailedClearly(List<Throwable> failures, String topic) {
		assertThat(failures).allSatisfy((failure) -> {
			assertThat(failure).isInstanceOf(IntegrationEventPublishException.class);
			IntegrationEventPublishException publish = (IntegrationEventPublishException) failure;
			assertThat(publish.getEventId()).isNotBlank();
			assertThat(publish.getMessage()).contains(publish.getEventId(), topic, "PaymentRecorded");
		});
	}

}
