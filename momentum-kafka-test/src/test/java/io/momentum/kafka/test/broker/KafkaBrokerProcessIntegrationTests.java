package io.momentum.kafka.test.broker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A broker in its own JVM survives SIGKILL and graceful restarts with every acknowledged record, and a broker that
 * cannot start says why.
 */
class KafkaBrokerProcessIntegrationTests {

	private static final int RECORDS = 2_000;

	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		broker = KafkaBrokerProcess.builder().build();
		broker.start();
	}

	@AfterAll
	static void closeBroker() {
		if (broker != null) {
			broker.close();
			assertThat(broker.workDirectory()).doesNotExist();
		}
	}

	@BeforeEach
	void brokerRuns() {
		if (!broker.isRunning()) {
			broker.start();
		}
	}

	@Test
	void acknowledgedRecordsSurviveSigkillAndRestartOnTheSameDataDirectory() throws Exception {
		String bootstrapServers = broker.bootstrapServers();
		int pid = broker.pid().getAsInt();
		RawClients.createTopic(bootstrapServers, "after-sigkill", 3, (short) 1);
		List<String> acknowledged = RawClients.produce(RawClients.plaintext(bootstrapServers), "after-sigkill", RECORDS);

		broker.kill();

		assertThat(broker.isRunning()).isFalse();
		assertThat(ProcessHandle.of(pid)).isEmpty();
		assertThat(broker.lastExitCode()).as("exit code of a process ended by SIGKILL (128 + 9)").hasValue(137);
		assertThat(broker.logTail()).as("no graceful shutdown was logged").doesNotContain("shut down completed");

		broker.restart();

		assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
		assertThat(broker.pid().getAsInt()).isNotEqualTo(pid);
		List<String> read = RawClients.readKeys(RawClients.plaintext(bootstrapServers), "after-sigkill", RECORDS,
				Duration.ofSeconds(30));
		assertThat(read).hasSize(RECORDS).containsExactlyInAnyOrderElementsOf(acknowledged);
	}

	@Test
	void gracefulStopAndRestartKeepRecordsPortsAndDataDirectory() throws Exception {
		String bootstrapServers = broker.bootstrapServers();
		RawClients.createTopic(bootstrapServers, "after-stop", 1, (short) 1);
		List<String> acknowledged = RawClients.produce(RawClients.plaintext(bootstrapServers), "after-stop", 100);

		broker.stop();

		assertThat(broker.isRunning()).isFalse();
		assertThat(broker.lastExitCode()).as("exit code after SIGTERM (128 + 15)").hasValue(143);
		assertThat(broker.workDirectory().resolve("data/meta.properties")).exists();

		broker.start();

		assertThat(broker.bootstrapServers()).isEqualTo(bootstrapServers);
		assertThat(RawClients.readKeys(RawClients.plaintext(bootstrapServers), "after-stop", 100, Duration.ofSeconds(30)))
			.containsExactlyElementsOf(acknowledged);
	}

	@Test
	void brokerDiesWithTheJvmThatStartedItEvenWhenThatJvmIsKilled() throws Exception {
		Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), BrokerParentMain.class.getName())
			.redirectErrorStream(true)
			.start();
		Path workDirectory = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
			long brokerPid = -1;
			while (workDirectory == null) {
				String line = output.readLine();
				assertThat(line).as("output of the parent JVM before it printed the broker").isNotNull();
				if (line.startsWith("broker-pid=")) {
					brokerPid = Long.parseLong(line.substring("broker-pid=".length()));
				}
				else if (line.startsWith("broker-work-directory=")) {
					workDirectory = Path.of(line.substring("broker-work-directory=".length()));
				}
			}
			assertThat(brokerPid).as("pid printed by the parent JVM").isPositive();
			ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();

			parent.destroyForcibly().waitFor();

			// No shutdown hook ran in the killed parent: the broker notices on its own.
			assertThat(broker.onExit()).succeedsWithin(Duration.ofSeconds(20));
		}
		finally {
			parent.destroyForcibly();
			if (workDirectory != null) {
				FileSystemUtils.deleteRecursively(workDirectory);
			}
		}
	}

	@Test
	void badServerPropertyFailsFastNamingThePropertyWithTheLogTail() {
		long started = System.nanoTime();
		try (KafkaBrokerProcess bad = KafkaBrokerProcess.builder()
			.serverProperty("num.partitions", "many")
			.startTimeout(Duration.ofSeconds(60))
			.build()) {
			assertThatExceptionOfType(KafkaBrokerStartException.class).isThrownBy(bad::start)
				.withMessageContaining("Kafka broker node 1 did not start: its process exited with code 1")
				.withMessageContaining("Invalid value many for configuration num.partitions");
			assertThat(bad.isRunning()).isFalse();
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
	}

	@Test
	void brokerThatNeverBecomesReadyIsKilledAtTheStartTimeout() {
		// A voter that does not exist: the node waits for a quorum that never forms.
		int[] ports = KafkaBrokerProcess.freePorts(2);
		try (KafkaBrokerProcess lonely = KafkaBrokerProcess.builder()
			.clusterNode("lonelyClusterIdAAAAAAA", ports[0], "1@127.0.0.1:" + ports[0] + ",2@127.0.0.1:" + ports[1])
			.startTimeout(Duration.ofSeconds(5))
			.build()) {
			assertThatExceptionOfType(KafkaBrokerStartException.class).isThrownBy(lonely::start)
				.withMessageContaining("did not start within PT5S (it was killed)")
				.withMessageContaining("Last lines of the log:");
			assertThat(lonely.isRunning()).isFalse();
			Path workDirectory = lonely.workDirectory();
			assertThat(workDirectory.resolve("broker.log")).isNotEmptyFile();
		}
	}

}
