package io.momentum.kafka.test.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A broker JVM with a SASL_PLAINTEXT listener authenticates PLAIN and SCRAM users given to the builder or added at
 * runtime, and rejects wrong passwords with Kafka's authentication errors.
 */
class KafkaBrokerProcessSaslIntegrationTests {

	@AutoClose
	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = KafkaBrokerProcess.builder()
			.plainUser("alice", "alice-secret")
			.scramUser(ScramMechanism.SCRAM_SHA_512, "bob", "bob-secret")
			.scramUser(ScramMechanism.SCRAM_SHA_256, "carol", "carol-secret")
			.build();
		broker.start();
		RawClients.createTopic(broker.bootstrapServers(), "secured", 1, (short) 1);
	}

	@Test
	void plainUserWithTheRightPasswordProducesAndConsumes() throws Exception {
		assertRoundTrip(sasl("PLAIN", "alice", "alice-secret"));
	}

	@Test
	void plainUserWithAWrongPasswordIsRejected() {
		assertRejected(sasl("PLAIN", "alice", "wrong"), "Authentication failed: Invalid username or password");
	}

	@Test
	void scramSha512UserWithTheRightPasswordProducesAndConsumes() throws Exception {
		assertRoundTrip(sasl("SCRAM-SHA-512", "bob", "bob-secret"));
	}

	@Test
	void scramSha512UserWithAWrongPasswordIsRejected() {
		assertRejected(sasl("SCRAM-SHA-512", "bob", "wrong"), "Authentication failed during authentication due to "
				+ "invalid credentials with SASL mechanism SCRAM-SHA-512");
	}

	@Test
	void scramSha256UserWorksOnTheSameListener() throws Exception {
		assertRoundTrip(sasl("SCRAM-SHA-256", "carol", "carol-secret"));
	}

	@Test
	void scramUserAddedAtRuntimeMayHaveAPasswordTheFormatterRejects() throws Exception {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> KafkaBrokerProcess.builder().scramUser(ScramMechanism.SCRAM_SHA_512, "dave", "a,b"))
			.withMessageContaining("addScramUser");

		broker.addScramUser(ScramMechanism.SCRAM_SHA_512, "dave", "pa\"ss,wo\\rd");

		assertRoundTrip(sasl("SCRAM-SHA-512", "dave", "pa\"ss,wo\\rd"));
	}

	@Test
	void plaintextListenerStaysOpenForTestAdministration() throws Exception {
		try (Admin admin = broker.createAdmin()) {
			assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isEqualTo(broker.clusterId());
		}
		assertThat(broker.listeners()).containsExactly(BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> broker.bootstrapServers(BrokerListener.SSL))
			.withMessageContaining("has no SSL listener");
	}

	@Test
	void mechanismWithoutUsersIsNotOffered() {
		try (KafkaBrokerProcess scramOnly = KafkaBrokerProcess.builder()
			.scramUser(ScramMechanism.SCRAM_SHA_512, "bob", "bob-secret")
			.build()) {
			assertThat(scramOnly.serverProperties())
				.containsEntry("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "SCRAM-SHA-256,SCRAM-SHA-512")
				.doesNotContainKey("listener.name.sasl_plaintext.plain.sasl.jaas.config");
		}
		assertThat(broker.serverProperties()).containsEntry("listener.name.sasl_plaintext.sasl.enabled.mechanisms",
				"PLAIN,SCRAM-SHA-256,SCRAM-SHA-512");
	}

	@Test
	void clientAskingForAMechanismTheListenerLacksIsToldSo() throws Exception {
		try (KafkaBrokerProcess scramOnly = KafkaBrokerProcess.builder()
			.scramUser(ScramMechanism.SCRAM_SHA_512, "bob", "bob-secret")
			.build()) {
			scramOnly.start();
			Map<String, Object> plain = RawClients.sasl(scramOnly.bootstrapServers(BrokerListener.SASL_PLAINTEXT),
					"PLAIN", "bob", "bob-secret");
			try (Admin admin = Admin.create(plain)) {
				assertThatExceptionOfType(ExecutionException.class)
					.isThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
					.withCauseInstanceOf(UnsupportedSaslMechanismException.class);
			}
		}
	}

	private static Map<String, Object> sasl(String mechanism, String username, String password) {
		return RawClients.sasl(broker.bootstrapServers(BrokerListener.SASL_PLAINTEXT), mechanism, username, password);
	}

	private static void assertRoundTrip(Map<String, Object> connection) throws Exception {
		String topic = "round-trip-" + UUID.randomUUID();
		RawClients.createTopic(broker.bootstrapServers(), topic, 1, (short) 1);
		List<String> sent = RawClients.produce(connection, topic, 3);
		assertThat(RawClients.readKeys(connection, topic, 3, Duration.ofSeconds(20))).containsExactlyElementsOf(sent);
	}

	private static void assertRejected(Map<String, Object> connection, String message) {
		try (Admin admin = Admin.create(connection)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(SaslAuthenticationException.class)
				.withMessage(message);
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(RawClients.consumerProperties(connection))) {
			consumer.subscribe(List.of("secured"));
			assertThatExceptionOfType(SaslAuthenticationException.class)
				.isThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
				.withMessage(message);
		}
	}

}
