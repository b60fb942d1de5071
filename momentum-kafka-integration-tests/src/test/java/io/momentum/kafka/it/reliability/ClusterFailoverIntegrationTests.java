package io.momentum.kafka.it.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.broker.KafkaClusterProcess;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static io.momentum.kafka.it.reliability.ReliabilityReport.count;
import static io.momentum.kafka.it.reliability.ReliabilityReport.seconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A 3-broker KRaft cluster, replication factor 3 and {@code min.insync.replicas=2}: the leader of the busiest
 * partition is SIGKILLed while the service publishes and consumes. Publishing and consuming carry on, no
 * acknowledged event is lost or written twice, and health stays UP or recovers within the timeout.
 */
class ClusterFailoverIntegrationTests {

	private static final int RATE = 1_000;

	@AutoClose
	private static KafkaClusterProcess cluster;

	@BeforeAll
	static void startCluster() {
		cluster = KafkaClusterProcess.builder().startTimeout(Duration.ofSeconds(90)).build();
		cluster.start();
	}

	@Test
	void busiestPartitionLeaderKilledMidStreamLosesNoAcknowledgedEvent() throws Exception {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		Map<String, Object> properties = LedgerService.defaults(cluster.bootstrapServers(), "clus");
		properties.put("momentum.kafka.topics.replication-factor", 3);
		try (LedgerService service = LedgerService.start(properties, ledger);
				HealthSampler health = new HealthSampler(service)) {
			String topic = service.topic();
			service.warmUp();
			// Half the events share one account, so one partition is clearly the busiest.
			PacedPublisher publisher = new PacedPublisher(service, ledger, RATE, Long.MAX_VALUE,
					(i) -> (i % 2 == 0) ? "account-hot" : "account-" + (i % 31))
				.start();
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.acknowledgedCount() >= 4 * RATE);
			Map<Integer, Long> perPartition = ledger.acknowledged()
				.values()
				.stream()
				.collect(Collectors.groupingBy(PublishResult::partition, Collectors.counting()));
			int busiest = perPartition.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
			int leader = cluster.leaderOf(topic, busiest).getAsInt();

			long killed = System.nanoTime();
			cluster.node(leader).kill();
			long acknowledgedAtKill = ledger.acknowledgedCount();
			int newLeader = cluster.awaitLeader(topic, busiest, (id) -> id != leader, Duration.ofSeconds(60));
			long elected = System.nanoTime();
			await().atMost(Duration.ofSeconds(60)).until(() -> ledger.acknowledgedCount() > acknowledgedAtKill + 5 * RATE);
			publisher.stop();
			publisher.awaitDone(Duration.ofSeconds(30));
			assertThat(publisher.thrown()).isEmpty();
			await().atMost(Duration.ofSeconds(120)).until(() -> ledger.pending() == 0);
			await().atMost(Duration.ofSeconds(120)).until(() -> ledger.missing().isEmpty());
			long allHandled = System.nanoTime();
			await().atMost(Duration.ofSeconds(30)).until(() -> service.health().getStatus().equals(Status.UP));
			health.close();

			Map<String, PublishResult> acknowledged = ledger.acknowledged();
			Map<String, Integer> copies = TopicContents.read(cluster.bootstrapServers(), topic).copiesById();
			long extraCopies = copies.values().stream().mapToLong((n) -> n - 1).sum();
			long notInTopic = acknowledged.keySet().stream().filter((id) -> !copies.containsKey(id)).count();
			Duration stall = ledger.longestAcknowledgementGap(busiest);
			List<Sample> after = health.samples().stream().filter((sample) -> sample.nanos() > killed).toList();
			List<Sample> down = after.stream().filter((sample) -> !sample.health().getStatus().equals(Status.UP)).toList();
			List<Sample> downBefore = health.samples()
				.stream()
				.filter((sample) -> sample.nanos() <= killed && !sample.health().getStatus().equals(Status.UP))
				.toList();
			String healthSummary = (down.isEmpty() ? "health UP in all " + after.size() + " checks after the kill"
					: "health DOWN in " + down.size() + " of " + after.size() + " checks after the kill, the last "
							+ seconds(Duration.ofNanos(down.get(down.size() - 1).nanos() - killed)) + " after it: "
							+ down.get(0).health().getDetails().get("reason"))
					+ (downBefore.isEmpty() ? "" : "; before the kill DOWN in " + downBefore.size()
							+ " checks right after startup: " + downBefore.get(0).health().getDetails().get("reason"));

			ReliabilityReport.record(new Row(Scenario.CLUSTER_LEADER_KILLED,
					count(publisher.published()) + " published at " + count(RATE) + "/s, " + count(acknowledged.size())
							+ " acknowledged, " + ledger.failures().size() + " failed",
					ledger.missing().size() + notInTopic, extraCopies + " in the topic, " + ledger.duplicates() + " handled",
					"new leader " + seconds(Duration.ofNanos(elected - killed)) + " after the kill; partition "
							+ busiest + " without acknowledgement for " + seconds(stall),
					Duration.ofNanos(System.nanoTime() - started),
					"killed node " + leader + " (leader of " + perPartition.get(busiest) + " of "
							+ perPartition.values().stream().mapToLong(Long::longValue).sum() + " events so far), new leader "
							+ newLeader + "; all handled " + seconds(Duration.ofNanos(allHandled - killed))
							+ " after the kill; " + healthSummary));

			assertThat(ledger.failures()).isEmpty();
			assertThat(notInTopic).isZero();
			assertThat(acknowledged.keySet()).allSatisfy((id) -> assertThat(copies.get(id)).isOne());
			assertThat(ledger.missing()).isEmpty();
			if (!down.isEmpty()) {
				assertThat(Duration.ofNanos(down.get(down.size() - 1).nanos() - killed))
					.as("health recovers within the timeout").isLessThan(Duration.ofSeconds(30));
			}
		}
	}

	/**
	 * Checks health every half second on its own thread.
	 */
	static final class HealthSampler implements AutoCloseable {

		private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

		private final Thread thread;

		private volatile boolean stopped;

		HealthSampler(LedgerService service) {
			this.thread = new Thread(() -> {
				while (!this.stopped) {
					this.samples.add(new Sample(System.nanoTime(), service.health()));
					try {
						Thread.sleep(500);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "reliability-health");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		List<Sample> samples() {
			return List.copyOf(this.samples);
		}

		@Override
		public void close() throws InterruptedException {
			this.stopped = true;
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}

	}

	record Sample(long nanos, Health health) {

	}

}
