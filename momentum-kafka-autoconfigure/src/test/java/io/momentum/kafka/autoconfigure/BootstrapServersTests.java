package io.momentum.kafka.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BootstrapServersTests {

	@Test
	void parsesSingleServer() {
		assertThat(BootstrapServers.parse("localhost:9092").servers()).containsExactly("localhost:9092");
	}

	@Test
	void parsesSeveralServersToleratingWhitespaceAndEmptyEntries() {
		assertThat(BootstrapServers.parse(" broker1:9092 ,\tbroker-2.example.com:19092,\n10.0.0.3:9093, ").servers())
			.containsExactly("broker1:9092", "broker-2.example.com:19092", "10.0.0.3:9093");
	}

	@Test
	void parsesBracketedIpv6Address() {
		assertThat(BootstrapServers.parse("[::1]:9092,[fe80::1]:9093").servers())
			.containsExactly("[::1]:9092", "[fe80::1]:9093");
	}

	@Test
	void acceptsLowestAndHighestPort() {
		assertThat(BootstrapServers.parse("a:1,b:65535").servers()).containsExactly("a:1", "b:65535");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			broker1                      | entry 'broker1' has no port
			broker1:                     | entry 'broker1:' has no port
			[::1]                        | entry '[::1]' has no port
			broker1:0                    | entry 'broker1:0' has port 0, outside the range 1 to 65535
			broker1:65536                | entry 'broker1:65536' has port 65536, outside the range 1 to 65535
			broker1:123456               | entry 'broker1:123456' has port '123456', which is not a number from 1 to 65535
			broker1:abc                  | entry 'broker1:abc' has port 'abc', which is not a number from 1 to 65535
			broker1:-1                   | entry 'broker1:-1' has port '-1', which is not a number from 1 to 65535
			PLAINTEXT://broker1:9092     | entry 'PLAINTEXT://broker1:9092' has a scheme; Kafka bootstrap servers are plain host:port
			broker one:9092              | entry 'broker one:9092' is not host:port
			::1:9092                     | entry '::1:9092' is not host:port
			""")
	void rejectsBadEntryNamingKeyEntryAndFix(String connectionString, String problem) {
		assertThatExceptionOfType(InvalidKafkaConfigurationException.class)
			.isThrownBy(() -> BootstrapServers.parse("good:9092," + connectionString))
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo("ConnectionStrings.Messaging");
				assertThat(ex.getProblem()).isEqualTo(problem);
				assertThat(ex.getAction()).isEqualTo("Set ConnectionStrings.Messaging to one or more host:port "
						+ "pairs separated by commas, for example broker1:9092,broker2:9092");
				assertThat(ex.getMessage()).startsWith("Invalid ConnectionStrings.Messaging: " + problem + ". Set ");
			});
	}

	@Test
	void rejectsConnectionStringWithoutServers() {
		assertThatExceptionOfType(InvalidKafkaConfigurationException.class)
			.isThrownBy(() -> BootstrapServers.parse(" , "))
			.withMessageStartingWith("Invalid ConnectionStrings.Messaging: no bootstrap server is given.");
	}

	@Test
	void serversAreImmutable() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> new BootstrapServers(new java.util.ArrayList<>(List.of("a:1"))).servers().add("b:2"));
	}

}
