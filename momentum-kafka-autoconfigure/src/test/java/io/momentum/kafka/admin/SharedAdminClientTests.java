package io.momentum.kafka.admin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link SharedAdminClient}.
 */
class SharedAdminClientTests {

	private final List<Map<String, Object>> configurations = new CopyOnWriteArrayList<>();

	private final List<Admin> created = new CopyOnWriteArrayList<>();

	@Test
	void createsNoClientUntilFirstUseThenReusesIt() {
		SharedAdminClient client = client(Map.of("bootstrap.servers", "broker-1:9092"));
		assertThat(this.created).isEmpty();

		Admin first = client.get();
		Admin second = client.get();

		assertThat(first).isSameAs(second);
		assertThat(this.created).containsExactly(first);
	}

	@Test
	void givesTheClientItsOwnClientIdSoItDoesNotClashWithKafkaAdmin() {
		client(Map.of("bootstrap.servers", "b:9092", "client.id", "billing-api")).get();
		client(Map.of("bootstrap.servers", "b:9092")).get();

		assertThat(this.configurations).extracting((config) -> config.get("client.id"))
			.containsExactly("billing-api-momentum-monitor", "momentum-monitor");
	}

	@Test
	void whenInvalidatedThenClosesItAndCreatesAFreshOneOnNextUse() {
		SharedAdminClient client = client(Map.of("bootstrap.servers", "b:9092"));
		Admin first = client.get();

		client.invalidate(first);
		Admin second = client.get();

		assertThat(second).isNotSameAs(first);
		await().untilAsserted(() -> verify(first).close(any()));
	}

	@Test
	void whenInvalidatingAClientThatWasAlreadyReplacedThenKeepsTheCurrentOne() {
		SharedAdminClient client = client(Map.of("bootstrap.servers", "b:9092"));
		Admin first = client.get();
		client.invalidate(first);
		Admin second = client.get();

		client.invalidate(first);

		assertThat(client.get()).isSameAs(second);
	}

	@Test
	void whenClosedThenClosesTheClientAndRefusesToCreateAnother() {
		SharedAdminClient client = client(Map.of("bootstrap.servers", "b:9092"));
		Admin admin = client.get();

		client.close();

		verify(admin).close(any());
		assertThatIllegalStateException().isThrownBy(client::get).withMessageContaining("closed");
	}

	@Test
	void describesItsSettingsWithoutCredentials() {
		SharedAdminClient client = client(Map.of("bootstrap.servers", List.of("b1:9093", "b2:9093"),
				"security.protocol", "sasl_ssl", "sasl.mechanism", "PLAIN"));

		assertThat(client.bootstrapServers()).isEqualTo("b1:9093,b2:9093");
		assertThat(client.securityProtocol()).isEqualTo("SASL_SSL");
		assertThat(client.saslMechanism()).isEqualTo("PLAIN");
		assertThat(client(Map.of()).securityProtocol()).isEqualTo("PLAINTEXT");
		assertThat(client(Map.of()).saslMechanism()).isEqualTo("GSSAPI");
	}

	@Test
	void redactsEveryCredentialOfItsConfiguration() {
		SharedAdminClient client = client(Map.of("sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
						+ " password=\"s3cr3t-Pa55\";",
				"ssl.key.password", new Password("key-pass-123"), "ssl.truststore.password", "trust-pass-456"));

		String redacted = client.redact("login failed for s3cr3t-Pa55 with key-pass-123 and trust-pass-456;"
				+ " config: password=\"other-secret\" token password=plain-secret");

		assertThat(redacted).doesNotContain("s3cr3t-Pa55", "key-pass-123", "trust-pass-456", "other-secret",
				"plain-secret");
		assertThat(redacted).isEqualTo("login failed for ****** with ****** and ******;"
				+ " config: password=****** token password=******");
	}

	private SharedAdminClient client(Map<String, Object> configuration) {
		return new SharedAdminClient(() -> configuration, (config) -> {
			this.configurations.add(config);
			Admin admin = mock(Admin.class);
			this.created.add(admin);
			return admin;
		});
	}

}
