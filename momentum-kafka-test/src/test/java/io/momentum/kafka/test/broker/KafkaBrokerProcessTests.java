package io.momentum.kafka.test.broker;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.ScramMechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configuration {@link KafkaBrokerProcess} writes for a broker, without starting one.
 */
class KafkaBrokerProcessTests {

	@TempDir
	Path temp;

	@Test
	void singleNodeIsACombinedKraftNodeOnLoopbackWithItsOwnControllerQuorum() {
		try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder().build()) {
			Map<String, String> properties = broker.serverProperties();
			assertThat(properties).containsEntry("process.roles", "broker,controller")
				.containsEntry("node.id", "1")
				.containsEntry("controller.quorum.voters", "1@127.0.0.1:" + broker.controllerPort())
				.containsEntry("listeners",
						"PLAINTEXT://" + broker.bootstrapServers() + ",CONTROLLER://127.0.0.1:" + broker.controllerPort())
				.containsEntry("advertised.listeners", "PLAINTEXT://" + broker.bootstrapServers())
				.containsEntry("inter.broker.listener.name", "PLAINTEXT")
				.containsEntry("offsets.topic.replication.factor", "1")
				.containsEntry("broker.session.timeout.ms", "3000");
			assertThat(properties.get("log.dirs")).startsWith(broker.workDirectory().toString());
			assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
			assertThat(broker.listeners()).containsExactly(BrokerListener.PLAINTEXT);
			assertThat(broker.isRunning()).isFalse();
			assertThat(broker.pid()).isEmpty();
			assertThat(broker.lastExitCode()).isEmpty();
		}
	}

	@Test
	void serverPropertiesWinOverTheDefaults() {
		try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder()
			.serverProperty("num.partitions", "6")
			.serverProperties(Map.of("broker.session.timeout.ms", "9000"))
			.build()) {
			assertThat(broker.serverProperties()).containsEntry("num.partitions", "6")
				.containsEntry("broker.session.timeout.ms", "9000");
		}
	}

	@Test
	void plainUsersGetAJaasEntryEachWithQuotesAndBackslashesEscaped() throws Exception {
		try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder()
			.plainUser("alice", "alice-secret")
			.plainUser("eve", "quote\" and back\\slash")
			.build()) {
			assertThat(broker.listeners()).containsExactly(BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT);
			assertThat(broker.serverProperties()).containsEntry("listener.name.sasl_plaintext.plain.sasl.jaas.config",
					"org.apache.kafka.common.security.plain.PlainLoginModule required user_alice=\"alice-secret\" "
							+ "user_eve=\"quote\\\" and back\\\\slash\";");
		}
	}

	@Test
	void serverPropertiesFileReadsBackExactly() throws Exception {
		Map<String, String> written = new LinkedHashMap<>();
		written.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required user_eve=\"a\\\\b \\\"c\\\" #!=:\";");
		written.put("leading.space", " value");
		written.put("key with=colon:", "line\nbreak\tand é");
		Properties read = new Properties();
		read.load(new StringReader(PropertiesWriter.write(written)));
		assertThat(read).containsExactlyInAnyOrderEntriesOf(written);
	}

	@Test
	void scramUsersAreFormattedIntoTheStorage() {
		KafkaBrokerProcess.Builder builder = KafkaBrokerProcess.builder()
			.scramUser(ScramMechanism.SCRAM_SHA_512, "bob", "bob-secret")
			.scramUser(ScramMechanism.SCRAM_SHA_256, "carol", "carol-secret");
		assertThat(builder.formatArguments()).containsExactly("--add-scram",
				"SCRAM-SHA-512=[name=bob,password=bob-secret]", "--add-scram",
				"SCRAM-SHA-256=[name=carol,password=carol-secret]");
	}

	@Test
	void scramUserTheFormatterCannotTakeIsRejectedWithTheWayOut() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> KafkaBrokerProcess.builder().scramUser(ScramMechanism.SCRAM_SHA_512, "a=b", "secret"))
			.withMessageContaining("SCRAM user 'a=b'")
			.withMessageContaining("addScramUser(...)");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> KafkaBrokerProcess.builder().scramUser(ScramMechanism.UNKNOWN, "bob", "secret"))
			.withMessageContaining("SCRAM_SHA_256 or SCRAM_SHA_512");
	}

	@Test
	void tlsAddsSslListenersWithTheKeystoreOnEachListener() throws Exception {
		Path keystore = Files.writeString(this.temp.resolve("broker.pem"), "not parsed here");
		Path truststore = Files.writeString(this.temp.resolve("ca.pem"), "not parsed here");
		try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder()
			.tls(BrokerTls.pem(keystore).withClientAuth(truststore))
			.sasl()
			.build()) {
			assertThat(broker.listeners()).containsExactly(BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT,
					BrokerListener.SSL, BrokerListener.SASL_SSL);
			for (String listener : new String[] { "ssl", "sasl_ssl" }) {
				assertThat(broker.serverProperties())
					.containsEntry("listener.name." + listener + ".ssl.keystore.type", "PEM")
					.containsEntry("listener.name." + listener + ".ssl.keystore.location", keystore.toString())
					.containsEntry("listener.name." + listener + ".ssl.truststore.location", truststore.toString())
					.containsEntry("listener.name." + listener + ".ssl.client.auth", "required")
					.doesNotContainKey("listener.name." + listener + ".ssl.keystore.password");
			}
		}
	}

	@Test
	void brokerTlsRejectsIncompleteMaterial() throws Exception {
		Path keystore = Files.writeString(this.temp.resolve("broker.p12"), "x");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new BrokerTls(keystore, "pkcs12", null, null, false))
			.withMessage("A PKCS12 broker keystore needs a password; only a PEM keystore has none");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new BrokerTls(keystore, "PEM", null, null, true))
			.withMessageContaining("needs a truststore");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> BrokerTls.pem(this.temp.resolve("missing.pem")))
			.withMessageContaining("missing.pem is not a readable file");
	}

	@Test
	void askingForAListenerTheBrokerLacksNamesWhatItHas() {
		try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder().build()) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> broker.bootstrapServers(BrokerListener.SASL_SSL))
				.withMessageStartingWith("Broker node 1 has no SASL_SSL listener (it has [PLAINTEXT])");
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> broker.addScramUser(ScramMechanism.SCRAM_SHA_512, "bob", "secret"))
				.withMessageContaining("has no SASL listener");
		}
	}

	@Test
	void closeDeletesTheTemporaryWorkDirectoryButKeepsAGivenOne() {
		KafkaBrokerProcess temporary = KafkaBrokerProcess.builder().build();
		Path created = temporary.workDirectory();
		assertThat(created).isDirectory();
		temporary.close();
		assertThat(created).doesNotExist();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(temporary::start)
			.withMessage("Broker node 1 is closed");

		Path given = this.temp.resolve("broker");
		KafkaBrokerProcess kept = KafkaBrokerProcess.builder().workDirectory(given).build();
		kept.close();
		assertThat(given).isDirectory();
	}

	@Test
	void clusterNodesShareOneIdAndOneQuorum() {
		try (KafkaClusterProcess cluster = KafkaClusterProcess.builder().build()) {
			assertThat(cluster.nodes()).extracting(KafkaBrokerProcess::nodeId).containsExactly(1, 2, 3);
			String voters = cluster.node(1).serverProperties().get("controller.quorum.voters");
			assertThat(voters).matches("1@127\\.0\\.0\\.1:\\d+,2@127\\.0\\.0\\.1:\\d+,3@127\\.0\\.0\\.1:\\d+");
			assertThat(cluster.nodes()).allSatisfy((node) -> {
				assertThat(node.clusterId()).isEqualTo(cluster.node(1).clusterId());
				assertThat(node.serverProperties()).containsEntry("controller.quorum.voters", voters)
					.containsEntry("default.replication.factor", "3")
					.containsEntry("min.insync.replicas", "2")
					.containsEntry("offsets.topic.replication.factor", "3")
					.containsEntry("transaction.state.log.min.isr", "2");
				assertThat(voters).contains(node.nodeId() + "@127.0.0.1:" + node.controllerPort());
			});
			assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
			assertThatExceptionOfType(java.util.NoSuchElementException.class).isThrownBy(() -> cluster.node(4))
				.withMessage("The cluster has no node 4; its nodes are [1, 2, 3]");
		}
	}

}
