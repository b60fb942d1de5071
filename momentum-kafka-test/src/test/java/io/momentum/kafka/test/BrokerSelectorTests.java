package io.momentum.kafka.test;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The order in which {@link TestKafkaBrokers} picks a broker.
 */
class BrokerSelectorTests {

	private static final Function<String, @Nullable String> NONE = (name) -> null;

	private static final Supplier<String> MUST_NOT_START = () -> fail("this broker must not be started");

	@Test
	void systemPropertyNamesAnExternalBrokerAndNothingStarts() {
		BrokerSelector selector = new BrokerSelector(
				Map.of(TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY, " kafka-1:9092,kafka-2:9092 ")::get, NONE, true,
				() -> fail("Docker must not be probed"), MUST_NOT_START, MUST_NOT_START);

		TestKafkaBroker broker = selector.select();

		assertThat(broker.kind()).isEqualTo(TestKafkaBroker.Kind.EXTERNAL);
		assertThat(broker.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
		assertThat(broker.description()).contains("system property momentum.kafka.test.bootstrap-servers");
		assertThat(broker.clientProperties()).containsExactly(Map.entry("bootstrap.servers", "kafka-1:9092,kafka-2:9092"));
	}

	@Test
	void environmentVariableNamesAnExternalBroker() {
		BrokerSelector selector = new BrokerSelector(NONE,
				Map.of(TestKafkaBrokers.BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE, "ci-kafka:9092")::get, true,
				() -> fail("Docker must not be probed"), MUST_NOT_START, MUST_NOT_START);

		TestKafkaBroker broker = selector.select();

		assertThat(broker.kind()).isEqualTo(TestKafkaBroker.Kind.EXTERNAL);
		assertThat(broker.bootstrapServers()).isEqualTo("ci-kafka:9092");
		assertThat(broker.description()).contains("environment variable MOMENTUM_KAFKA_BOOTSTRAP_SERVERS");
	}

	@Test
	void systemPropertyWinsOverTheEnvironmentVariable() {
		BrokerSelector selector = new BrokerSelector(
				Map.of(TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY, "from-property:9092")::get,
				Map.of(TestKafkaBrokers.BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE, "from-environment:9092")::get, true,
				() -> true, MUST_NOT_START, MUST_NOT_START);

		assertThat(selector.select().bootstrapServers()).isEqualTo("from-property:9092");
	}

	@Test
	void blankExternalSettingsAreIgnored() {
		BrokerSelector selector = new BrokerSelector(Map.of(TestKafkaBrokers.BOOTSTRAP_SERVERS_PROPERTY, " ")::get,
				Map.of(TestKafkaBrokers.BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE, "")::get, false, () -> true,
				MUST_NOT_START, () -> "127.0.0.1:1234");

		assertThat(selector.external()).isNull();
		assertThat(selector.select().kind()).isEqualTo(TestKafkaBroker.Kind.IN_JVM);
	}

	@Test
	void testcontainersIsUsedWhenPresentAndDockerAnswers() {
		BrokerSelector selector = new BrokerSelector(NONE, NONE, true, () -> true, () -> "127.0.0.1:32768",
				MUST_NOT_START);

		TestKafkaBroker broker = selector.select();

		assertThat(broker.kind()).isEqualTo(TestKafkaBroker.Kind.TESTCONTAINERS);
		assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:32768");
	}

	@Test
	void withoutTestcontainersOnTheClassPathTheInJvmBrokerIsUsedAndDockerIsNotProbed() {
		BrokerSelector selector = new BrokerSelector(NONE, NONE, false, () -> fail("Docker must not be probed"),
				MUST_NOT_START, () -> "127.0.0.1:1234");

		TestKafkaBroker broker = selector.select();

		assertThat(broker.kind()).isEqualTo(TestKafkaBroker.Kind.IN_JVM);
		assertThat(broker.description()).isEqualTo("in-JVM KRaft broker (Testcontainers Kafka is not on the class path)");
	}

	@Test
	void realDockerProbeDoesNotHangAndWithoutDockerFallsBackToTheInJvmBroker() {
		boolean dockerExpected = System.getenv("DOCKER_HOST") != null
				|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
		BrokerSelector selector = new BrokerSelector(NONE, NONE, true, SharedBrokers::dockerAvailable,
				() -> "127.0.0.1:32768", () -> "127.0.0.1:1234");

		TestKafkaBroker broker = selector.select();

		// The probe runs once per JVM, maybe in an earlier test: its first, cold run is what a test suite pays.
		Duration probe = SharedBrokers.dockerProbeDuration();
		if (dockerExpected) {
			assertThat(broker.kind()).isIn(TestKafkaBroker.Kind.TESTCONTAINERS, TestKafkaBroker.Kind.IN_JVM);
		}
		else {
			assertThat(broker.kind()).isEqualTo(TestKafkaBroker.Kind.IN_JVM);
			assertThat(broker.description())
				.isEqualTo("in-JVM KRaft broker (Testcontainers is present but Docker is not available)");
			// A generous bound: it catches a probe that hangs until a network time-out, not a slow machine.
			assertThat(probe).as("time to find out that Docker is not available").isLessThan(Duration.ofSeconds(15));
		}
	}

}
