package io.momentum.kafka.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.momentum.kafka.admin.SharedAdminClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link KafkaHealthIndicator} with simulated cluster answers (authentication and
 * authorization failures) and a server that never answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaHealthIndicatorTests {

	private static final String PASSWORD = "alice-secret-password";

	private static final Map<String, Object> SASL_CONFIG = Map.of("bootstrap.servers", "broker-1:9094",
			"security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
			"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" password=\""
					+ PASSWORD + "\";");

	@Test
	void expectedTopicsAreEventTopicsAndTheirDeadLetterTopics() {
		assertThat(KafkaHealthIndicator.expectedTopics(
				ObservabilityTestCatalogs.catalog("dev.appdomain.public.cashiers", "dev.billing.public.invoices")))
			.containsExactly("dev.appdomain.public.cashiers", "dev.appdomain.public.cashiers.dead-letter",
					"dev.billing.public.invoices", "dev.billing.public.invoices.dead-letter");
	}

	@Test
	void whenAuthenticationFailsThenDownSayingSoWithMechanismButNoCredentialsAndClientIsReplaced(
			CapturedOutput output) {
		SaslAuthenticationException failure = new SaslAuthenticationException(
				"Authentication failed during authentication due to invalid credentials with SASL mechanism"
						+ " SCRAM-SHA-512");
		List<Admin> created = new CopyOnWriteArrayList<>();
		SharedAdminClient adminClient = new SharedAdminClient(() -> SASL_CONFIG, (config) -> {
			Admin admin = clusterFailing(failure);
			created.add(admin);
			return admin;
		});
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(adminClient, Set::of, List::of,
				Duration.ofSeconds(1));

		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason"))
			.startsWith("Kafka authentication failed with SASL mechanism SCRAM-SHA-512 (security protocol SASL_SSL;"
					+ " check Kafka.SaslUsername and Kafka.SaslPassword)");
		assertThat(health.getDetails().toString()).doesNotContain(PASSWORD).doesNotContain("jaas");
		indicator.health();
		assertThat(created).hasSize(2);
		assertThat(output).containsOnlyOnce("Kafka health is DOWN: Kafka authentication failed with SASL mechanism"
				+ " SCRAM-SHA-512").doesNotContain(PASSWORD);
		indicator.close();
	}

	@Test
	void whenTopicsAreNotAuthorizedThenDownSayingWhich() {
		Admin admin = mock(Admin.class);
		DescribeClusterResult cluster = cluster("id-1", 3);
		given(admin.describeCluster(any(DescribeClusterOptions.class))).willReturn(cluster);
		DescribeTopicsResult topics = mock(DescribeTopicsResult.class);
		TopicDescription present = mock(TopicDescription.class);
		given(topics.topicNameValues()).willReturn(Map.of("dev.appdomain.public.cashiers",
				failed(new TopicAuthorizationException(Set.of("dev.appdomain.public.cashiers"))),
				"dev.appdomain.public.cashiers.dead-letter", KafkaFuture.completedFuture(present)));
		given(admin.describeTopics(anyCollection(), any(DescribeTopicsOptions.class))).willReturn(topics);
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(new SharedAdminClient(() -> SASL_CONFIG,
				(config) -> admin), () -> Set.of("dev.appdomain.public.cashiers",
						"dev.appdomain.public.cashiers.dead-letter"), List::of, Duration.ofSeconds(1));

		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("clusterId", "id-1").containsEntry("brokers", 3);
		assertThat((String) health.getDetails().get("reason")).isEqualTo("Kafka authorization failed: this client"
				+ " may not describe topics [dev.appdomain.public.cashiers] (grant DESCRIBE on them to the client's"
				+ " principal)");
		indicator.close();
	}

	@Test
	void whenServerAcceptsConnectionsButNeverAnswersThenDownWithinTimeout() throws IOException {
		try (BlackHole blackHole = new BlackHole()) {
			SharedAdminClient adminClient = new SharedAdminClient(
					() -> Map.of("bootstrap.servers", "127.0.0.1:" + blackHole.port()));
			KafkaHealthIndicator indicator = new KafkaHealthIndicator(adminClient, () -> Set.of("t"), List::of,
					Duration.ofMillis(500));

			long start = System.nanoTime();
			Health health = indicator.health();
			long millis = (System.nanoTime() - start) / 1_000_000;

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) health.getDetails().get("reason"))
				.startsWith("Kafka did not answer within 500ms at 127.0.0.1:" + blackHole.port());
			assertThat(millis).isLessThan(1500);
			// The client did connect: the time went waiting for an answer, not for a refused port.
			await().atMost(Duration.ofSeconds(5)).until(blackHole::connections, (count) -> count > 0);
			indicator.close();
			adminClient.close();
		}
	}

	@Test
	void whenAdminClientCannotBeCreatedThenDownAndNextCheckTriesAgain() {
		AtomicInteger attempts = new AtomicInteger();
		SharedAdminClient adminClient = new SharedAdminClient(
				() -> Map.of("bootstrap.servers", "kafka.does-not-exist.invalid:9092"), (config) -> {
					attempts.incrementAndGet();
					return Admin.create(config);
				});
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(adminClient, Set::of, List::of,
				Duration.ofSeconds(2));

		Health health = indicator.health();
		indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("reason")).startsWith("Kafka request failed: KafkaException")
			.contains("No resolvable bootstrap urls");
		assertThat(attempts).hasValue(2);
		indicator.close();
	}

	private static Admin clusterFailing(Exception failure) {
		Admin admin = mock(Admin.class);
		DescribeClusterResult result = mock(DescribeClusterResult.class);
		given(result.clusterId()).willReturn(failed(failure));
		given(result.nodes()).willReturn(failed(failure));
		given(admin.describeCluster(any(DescribeClusterOptions.class))).willReturn(result);
		return admin;
	}

	private static DescribeClusterResult cluster(String id, int brokers) {
		DescribeClusterResult result = mock(DescribeClusterResult.class);
		given(result.clusterId()).willReturn(KafkaFuture.completedFuture(id));
		List<Node> nodes = java.util.stream.IntStream.range(0, brokers)
			.mapToObj((i) -> new Node(i, "broker-" + i, 9092))
			.toList();
		given(result.nodes()).willReturn(KafkaFuture.completedFuture(nodes));
		return result;
	}

	private static <T> KafkaFuture<T> failed(Exception failure) {
		KafkaFutureImpl<T> future = new KafkaFutureImpl<>();
		future.completeExceptionally(failure);
		return future;
	}

	/**
	 * A server that accepts TCP connections and never sends a byte, like a broker behind a
	 * firewall that swallows packets after the handshake.
	 */
	private static final class BlackHole implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		BlackHole() throws IOException {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(() -> {
				while (!this.server.isClosed()) {
					try {
						this.accepted.add(this.server.accept());
					}
					catch (IOException ex) {
						return;
					}
				}
			}, "black-hole");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		int connections() {
			return this.accepted.size();
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.accepted) {
				socket.close();
			}
		}

	}

}
