package io.momentum.kafka.test.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three broker JVMs form one KRaft cluster that survives the SIGKILL of a partition leader without losing an
 * acknowledged record.
 */
class KafkaClusterProcessIntegrationTests {

	private static final String TOPIC = "replicated";

	private static final Logger logger = LoggerFactory.getLogger(KafkaClusterProcessIntegrationTests.class);

	@AutoClose
	private static KafkaClusterProcess cluster;

	@BeforeAll
	static void startCluster() {
		cluster = KafkaClusterProcess.builder().build();
		long started = System.nanoTime();
		cluster.start();
		logger.info("3-node cluster ready in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	@Test
	void killedLeaderIsReplacedAndAcknowledgedRecordsRemainReadable() throws Exception {
		assertThat(cluster.nodes()).hasSize(3).allMatch(KafkaBrokerProcess::isRunning);
		assertThat(cluster.nodes()).extracting(KafkaBrokerProcess::clusterId).containsOnly(cluster.node(1).clusterId());
		try (Admin admin = cluster.createAdmin()) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
			assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(3);
		}
		Map<String, Object> connection = RawClients.plaintext(cluster.bootstrapServers());
		List<String> acknowledged = new ArrayList<>(RawClients.produce(connection, TOPIC, 1_000));
		int leader = cluster.leaderOf(TOPIC, 0).getAsInt();

		long killed = System.nanoTime();
		cluster.node(leader).kill();

		assertThat(cluster.node(leader).lastExitCode()).hasValue(137);
		int newLeader = cluster.awaitLeader(TOPIC, 0, (id) -> id != leader, Duration.ofSeconds(30));
		logger.info("Node {} led {}-0 and was killed; node {} leads after {} ms", leader, TOPIC, newLeader,
				(System.nanoTime() - killed) / 1_000_000);
		assertThat(newLeader).isNotEqualTo(leader);
		// Two of three replicas meet min.insync.replicas=2: acks=all writes still succeed.
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(RawClients.producerProperties(connection))) {
			for (int i = 0; i < 100; i++) {
				producer.send(new ProducerRecord<>(TOPIC, 0, "after-" + i, "value")).get(30, TimeUnit.SECONDS);
				acknowledged.add("after-" + i);
			}
		}
		assertThat(RawClients.readKeys(connection, TOPIC, acknowledged.size(), Duration.ofSeconds(30)))
			.containsExactlyInAnyOrderElementsOf(acknowledged);

		cluster.node(leader).start();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			try (Admin admin = cluster.createAdmin()) {
				TopicDescription description = admin.describeTopics(List.of(TOPIC))
					.allTopicNames()
					.get(10, TimeUnit.SECONDS)
					.get(TOPIC);
				assertThat(description.partitions().get(0).isr()).as("in-sync replicas after the restart")
					.hasSize(3);
			}
		});
	}

}
