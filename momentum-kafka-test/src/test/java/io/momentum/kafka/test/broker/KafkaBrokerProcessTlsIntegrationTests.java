package io.momentum.kafka.test.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A broker JVM with mutual-TLS SSL and SASL_SSL listeners from the certificates {@link TestCertificates} made:
 * clients that trust the generated CA (as PEM) and present the generated client certificate connect; clients
 * that do not trust the CA, or present no certificate, are refused.
 */
class KafkaBrokerProcessTlsIntegrationTests {

	@TempDir
	static Path certificatesDirectory;

	private static TestCertificates certificates;

	@AutoClose
	private static KafkaBrokerProcess broker;

	@BeforeAll
	static void startBroker() {
		certificates = TestCertificates.generate(certificatesDirectory);
		broker = KafkaBrokerProcess.builder().tls(certificates.brokerTlsWithClientAuth()).plainUser("alice", "alice-secret").build();
		broker.start();
	}

	@Test
	void generatedFilesArePemInTheFormsKafkaClientsRead() throws Exception {
		assertThat(Files.readString(certificates.caPem())).startsWith("-----BEGIN CERTIFICATE-----");
		assertThat(Files.readString(certificates.clientKeyPem())).startsWith("-----BEGIN PRIVATE KEY-----")
			.doesNotContain("RSA PRIVATE KEY");
		assertThat(Files.readString(certificates.clientCertificatePem()).split("BEGIN CERTIFICATE")).hasSize(3);
		assertThat(Files.readString(certificates.clientKeystorePem())).startsWith("-----BEGIN PRIVATE KEY-----")
			.contains("-----BEGIN CERTIFICATE-----");
		assertThat(broker.listeners()).containsExactly(BrokerListener.PLAINTEXT, BrokerListener.SASL_PLAINTEXT,
				BrokerListener.SSL, BrokerListener.SASL_SSL);
	}

	@Test
	void clientTrustingTheCaAsPemConnectsOverSsl() throws Exception {
		Map<String, Object> ssl = trusting(broker.bootstrapServers(BrokerListener.SSL), "SSL");
		assertRoundTrip(ssl);
	}

	@Test
	void plainUserAuthenticatesOverSaslSsl() throws Exception {
		Map<String, Object> saslSsl = trusting(broker.bootstrapServers(BrokerListener.SASL_SSL), "SASL_SSL");
		saslSsl.put("sasl.mechanism", "PLAIN");
		saslSsl.put("sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\" password=\"alice-secret\";");
		assertRoundTrip(saslSsl);
	}

	@Test
	void clientWithoutACertificateIsRefused() {
		Map<String, Object> anonymous = trusting(broker.bootstrapServers(BrokerListener.SSL), "SSL");
		anonymous.remove("ssl.keystore.type");
		anonymous.remove("ssl.keystore.location");
		try (Admin admin = Admin.create(anonymous)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(SslAuthenticationException.class);
		}
	}

	@Test
	void clientThatDoesNotTrustTheCaIsRefused() {
		Map<String, Object> untrusting = Map.of("bootstrap.servers", broker.bootstrapServers(BrokerListener.SSL),
				"security.protocol", "SSL");
		try (Admin admin = Admin.create(untrusting)) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(SslAuthenticationException.class)
				.withMessageContaining("SSL handshake failed");
		}
	}

	private static Map<String, Object> trusting(String bootstrapServers, String protocol) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("bootstrap.servers", bootstrapServers);
		properties.put("security.protocol", protocol);
		properties.put("ssl.truststore.type", "PEM");
		properties.put("ssl.truststore.location", certificates.caPem().toString());
		properties.put("ssl.keystore.type", "PEM");
		properties.put("ssl.keystore.location", certificates.clientKeystorePem().toString());
		return properties;
	}

	private static void assertRoundTrip(Map<String, Object> connection) throws Exception {
		String topic = "tls-" + UUID.randomUUID();
		RawClients.createTopic(broker.bootstrapServers(), topic, 1, (short) 1);
		List<String> sent = RawClients.produce(connection, topic, 3);
		assertThat(RawClients.readKeys(connection, topic, 3, Duration.ofSeconds(20))).containsExactlyElementsOf(sent);
	}

}
