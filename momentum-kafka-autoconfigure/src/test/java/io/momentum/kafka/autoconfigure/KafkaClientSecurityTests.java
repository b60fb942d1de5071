package io.momentum.kafka.autoconfigure;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.security.auth.login.AppConfigurationEntry;

import io.momentum.kafka.autoconfigure.KafkaSecurityProperties.EndpointIdentificationAlgorithm;
import io.momentum.kafka.autoconfigure.KafkaSecurityProperties.SaslMechanism;
import io.momentum.kafka.autoconfigure.KafkaSecurityProperties.SecurityProtocol;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class KafkaClientSecurityTests {

	private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

	private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private final TestPki pki = TestPki.get();

	@Test
	void noSettingsGiveNoClientProperties() {
		KafkaClientSecurity security = KafkaClientSecurity.of(new KafkaSecurityProperties());
		assertThat(security.isEmpty()).isTrue();
		assertThat(security.clientProperties()).isEmpty();
	}

	@Test
	void plaintextSetsOnlyTheProtocol() {
		assertThat(of((s) -> s.setSecurityProtocol(SecurityProtocol.PLAINTEXT)).clientProperties())
			.containsExactly(entry("security.protocol", "PLAINTEXT"));
	}

	@Test
	void saslSslWithPlainGivesProtocolMechanismJaasAndHostnameCheck() {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_SSL);
			s.setSaslMechanism(SaslMechanism.PLAIN);
			s.setSaslUsername("alice");
			s.setSaslPassword("alice-secret");
		});
		assertThat(security.clientProperties()).containsExactly(entry("security.protocol", "SASL_SSL"),
				entry("sasl.mechanism", "PLAIN"),
				entry("sasl.jaas.config", PLAIN_MODULE + " required username=\"alice\" password=\"alice-secret\";"),
				entry("ssl.endpoint.identification.algorithm", "https"));
	}

	@Test
	void saslMechanismDefaultsToPlain() {
		assertThat(sasl(SecurityProtocol.SASL_PLAINTEXT, null).clientProperties())
			.contains(entry("sasl.mechanism", "PLAIN"))
			.doesNotContainKey("ssl.endpoint.identification.algorithm");
	}

	@Test
	void scramSha512MatchesTheBrokerFacts() {
		assertThat(sasl(SecurityProtocol.SASL_PLAINTEXT, SaslMechanism.SCRAM_SHA_512).clientProperties())
			.containsExactly(entry("security.protocol", "SASL_PLAINTEXT"), entry("sasl.mechanism", "SCRAM-SHA-512"),
					entry("sasl.jaas.config", SCRAM_MODULE + " required username=\"alice\" password=\"alice-secret\";"));
	}

	@Test
	void scramSha256UsesScramLoginModule() {
		assertThat(sasl(SecurityProtocol.SASL_SSL, SaslMechanism.SCRAM_SHA_256).clientProperties())
			.contains(entry("sasl.mechanism", "SCRAM-SHA-256"))
			.hasEntrySatisfying("sasl.jaas.config", (jaas) -> assertThat(jaas).startsWith(SCRAM_MODULE + " required"));
	}

	@ParameterizedTest
	@EnumSource(value = SaslMechanism.class, names = { "OAUTHBEARER", "GSSAPI" })
	void mechanismsWithTheirOwnLoginArePassedThroughWithoutCredentials(SaslMechanism mechanism) {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_SSL);
			s.setSaslMechanism(mechanism);
		});
		assertThat(security.clientProperties()).contains(entry("sasl.mechanism", mechanism.kafkaName()))
			.doesNotContainKey("sasl.jaas.config");
	}

	@Test
	void jaasConfigEscapesQuotesBackslashesAndLineBreaksSoKafkaReadsTheExactCredentials() {
		String username = "ali\"ce\\";
		String password = "p\"a\\ss;wo rd\\\"\n1\r{}=\\1";
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
			s.setSaslUsername(username);
			s.setSaslPassword(password);
		});
		List<AppConfigurationEntry> entries = JaasContext.loadClientContext(
				Map.of("sasl.jaas.config", new Password(security.clientProperties().get("sasl.jaas.config"))))
			.configurationEntries();
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.getLoginModuleName()).isEqualTo(PLAIN_MODULE);
			assertThat(entry.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
			assertThat(Map.copyOf(entry.getOptions())).isEqualTo(Map.of("username", username, "password", password));
		});
	}

	@Test
	void sslWithCaGivesPemTrustStore() throws Exception {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SSL);
			s.setSslCaLocation(this.pki.path(this.pki.caCertificate));
		});
		assertThat(security.clientProperties()).containsExactly(entry("security.protocol", "SSL"),
				entry("ssl.endpoint.identification.algorithm", "https"), entry("ssl.truststore.type", "PEM"),
				entry("ssl.truststore.location", this.pki.caCertificate.toAbsolutePath().toString()));
		assertThat(kafkaSslEngineFactory(security).truststore().size()).isEqualTo(1);
	}

	@Test
	void endpointIdentificationNoneBecomesEmptyString() {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SSL);
			s.setSslEndpointIdentificationAlgorithm(EndpointIdentificationAlgorithm.NONE);
		});
		assertThat(security.clientProperties()).contains(entry("ssl.endpoint.identification.algorithm", ""));
	}

	@Test
	void mutualTlsGivesPemKeyStoreThatKafkaAccepts() throws Exception {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SSL);
			s.setSslCaLocation(this.pki.path(this.pki.caCertificate));
			s.setSslCertificateLocation(this.pki.path(this.pki.clientCertificate));
			s.setSslKeyLocation(this.pki.path(this.pki.clientKey));
		});
		Map<String, String> properties = security.clientProperties();
		assertThat(properties).contains(entry("ssl.keystore.type", "PEM")).doesNotContainKey("ssl.key.password");
		assertThat(properties.get("ssl.keystore.certificate.chain")).startsWith("-----BEGIN CERTIFICATE-----\n")
			.doesNotContain("Bag Attributes");
		assertThat(properties.get("ssl.keystore.key")).startsWith("-----BEGIN PRIVATE KEY-----\n");
		DefaultSslEngineFactory factory = kafkaSslEngineFactory(security);
		assertThat(factory.keystore().isKeyEntry(factory.keystore().aliases().nextElement())).isTrue();
	}

	@Test
	void mutualTlsWithEncryptedKeyPassesTheKeyPasswordAndKafkaDecryptsIt() throws Exception {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_SSL);
			s.setSaslUsername("alice");
			s.setSaslPassword("alice-secret");
			s.setSslCertificateLocation(this.pki.path(this.pki.clientCertificate));
			s.setSslKeyLocation(this.pki.path(this.pki.clientEncryptedKey));
			s.setSslKeyPassword(TestPki.KEY_PASSWORD);
		});
		assertThat(security.clientProperties()).contains(entry("ssl.key.password", TestPki.KEY_PASSWORD));
		assertThat(security.clientProperties().get("ssl.keystore.key"))
			.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
		DefaultSslEngineFactory factory = kafkaSslEngineFactory(security);
		assertThat(factory.keystore().isKeyEntry(factory.keystore().aliases().nextElement())).isTrue();
	}

	@Test
	void toStringMasksSecretsAndKeyMaterial() {
		KafkaClientSecurity security = of((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_SSL);
			s.setSaslUsername("alice");
			s.setSaslPassword("alice-secret");
			s.setSslCertificateLocation(this.pki.path(this.pki.clientCertificate));
			s.setSslKeyLocation(this.pki.path(this.pki.clientEncryptedKey));
			s.setSslKeyPassword(TestPki.KEY_PASSWORD);
		});
		assertThat(security.toString()).contains("security.protocol=SASL_SSL", "sasl.jaas.config=******",
				"ssl.keystore.key=******", "ssl.key.password=******")
			.doesNotContain("alice-secret", TestPki.KEY_PASSWORD, "PRIVATE KEY", "BEGIN CERTIFICATE");
		assertThat(security.groups().toString()).doesNotContain("alice-secret", TestPki.KEY_PASSWORD);
	}

	@Test
	void saslWithoutUsernameFails() {
		assertInvalid((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_SSL);
			s.setSaslPassword("alice-secret");
		}, "Kafka.SaslUsername", "it is required when Kafka.SecurityProtocol is SASL_SSL and Kafka.SaslMechanism is PLAIN",
				"Set Kafka.SaslUsername and Kafka.SaslPassword to the credentials of the Kafka user");
	}

	@Test
	void saslWithoutPasswordFails() {
		assertInvalid((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
			s.setSaslMechanism(SaslMechanism.SCRAM_SHA_512);
			s.setSaslUsername("alice");
		}, "Kafka.SaslPassword",
				"it is required when Kafka.SecurityProtocol is SASL_PLAINTEXT and Kafka.SaslMechanism is SCRAM-SHA-512",
				"Set Kafka.SaslUsername and Kafka.SaslPassword to the credentials of the Kafka user");
	}

	@Test
	void saslSettingsWithoutSaslProtocolFail() {
		assertInvalid((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SSL);
			s.setSaslUsername("alice");
			s.setSaslPassword("alice-secret");
		}, "Kafka.SecurityProtocol", "Kafka.SaslUsername is set but Kafka.SecurityProtocol is SSL, which does not use SASL",
				"Set Kafka.SecurityProtocol to SaslSsl (or SaslPlaintext), or remove the Kafka.Sasl* settings");
	}

	@Test
	void saslSettingsWithoutAnyProtocolFail() {
		assertInvalid((s) -> s.setSaslPassword("alice-secret"), "Kafka.SecurityProtocol",
				"Kafka.SaslPassword is set but Kafka.SecurityProtocol is not set (Plaintext, Ssl, SaslPlaintext or "
						+ "SaslSsl), which does not use SASL",
				"Set Kafka.SecurityProtocol to SaslSsl (or SaslPlaintext), or remove the Kafka.Sasl* settings");
	}

	@Test
	void tlsSettingsWithoutTlsProtocolFail() {
		assertInvalid((s) -> {
			s.setSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT);
			s.setSaslUsername("alice");
			s.setSaslPassword("alice-secret");
			s.setSslCaLocation(this.pki.path(this.pki.caCertificate));
		}, "Kafka.SecurityProtocol",
				"Kafka.SslCaLocation is set but Kafka.SecurityProtocol is SASL_PLAINTEXT, which does not use TLS",
				"Set Kafka.SecurityProtocol to Ssl or SaslSsl, or remove the Kafka.Ssl* settings");
	}

	@Test
	void missingCaFileFails() {
		String missing = this.pki.dir.resolve("missing.pem").toString();
		assertInvalid(ssl((s) -> s.setSslCaLocation(missing)), "Kafka.SslCaLocation",
				"file '" + missing + "' does not exist", "Set Kafka.SslCaLocation to a readable PEM file with the "
						+ "certificate of the authority that signed the brokers' certificates");
	}

	@Test
	void caLocationThatIsADirectoryFails() {
		String dir = this.pki.path(this.pki.dir);
		assertInvalid(ssl((s) -> s.setSslCaLocation(dir)), "Kafka.SslCaLocation", "'" + dir + "' is not a file",
				null);
	}

	@Test
	void caFileThatIsNotPemFails() {
		String notPem = this.pki.path(this.pki.notPem);
		assertInvalid(ssl((s) -> s.setSslCaLocation(notPem)), "Kafka.SslCaLocation",
				"file '" + notPem + "' is not a PEM certificate file (no '-----BEGIN CERTIFICATE-----' block)", null);
		String empty = this.pki.path(this.pki.empty);
		assertInvalid(ssl((s) -> s.setSslCaLocation(empty)), "Kafka.SslCaLocation",
				"file '" + empty + "' is not a PEM certificate file (no '-----BEGIN CERTIFICATE-----' block)", null);
	}

	@Test
	void caFileWithBrokenCertificateFails() throws Exception {
		Path broken = this.pki.dir.resolve("broken-ca.pem");
		java.nio.file.Files.writeString(broken, TestPki.pem("CERTIFICATE", new byte[] { 1, 2, 3, 4, 5, 6 }));
		assertThatExceptionOfType(InvalidKafkaConfigurationException.class)
			.isThrownBy(() -> of(ssl((s) -> s.setSslCaLocation(broken.toString()))))
			.satisfies((ex) -> assertThat(ex.getProblem())
				.startsWith("file '" + broken + "' holds a certificate that cannot be read ("));
	}

	@Test
	void keyFileGivenAsCaFails() {
		String key = this.pki.path(this.pki.clientKey);
		assertInvalid(ssl((s) -> s.setSslCaLocation(key)), "Kafka.SslCaLocation",
				"file '" + key + "' is not a PEM certificate file (no '-----BEGIN CERTIFICATE-----' block)", null);
	}

	@Test
	void certificateWithoutKeyFails() {
		assertInvalid(ssl((s) -> s.setSslCertificateLocation(this.pki.path(this.pki.clientCertificate))),
				"Kafka.SslKeyLocation", "it is not set but Kafka.SslCertificateLocation is",
				"Mutual TLS needs both Kafka.SslCertificateLocation and Kafka.SslKeyLocation: set Kafka.SslKeyLocation "
						+ "to the client's PEM private key");
	}

	@Test
	void keyWithoutCertificateFails() {
		assertInvalid(ssl((s) -> s.setSslKeyLocation(this.pki.path(this.pki.clientKey))),
				"Kafka.SslCertificateLocation", "it is not set but Kafka.SslKeyLocation is",
				"Mutual TLS needs both Kafka.SslCertificateLocation and Kafka.SslKeyLocation: set "
						+ "Kafka.SslCertificateLocation to the client's PEM certificate");
	}

	@Test
	void keyPasswordWithoutKeyFails() {
		assertInvalid(ssl((s) -> s.setSslKeyPassword("secret")), "Kafka.SslKeyPassword",
				"it is set but Kafka.SslKeyLocation is not",
				"Set Kafka.SslKeyLocation and Kafka.SslCertificateLocation for mutual TLS, or remove Kafka.SslKeyPassword");
	}

	@Test
	void pkcs1KeyFailsWithConversionHint() {
		String key = this.pki.path(this.pki.clientPkcs1Key);
		assertInvalid(mutualTls(key, null), "Kafka.SslKeyLocation",
				"file '" + key + "' holds a 'RSA PRIVATE KEY' (PKCS#1 or SEC1), which Kafka cannot read",
				"Convert it to PKCS#8, for example with 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem' "
						+ "(or without -nocrypt, and set the password in Kafka.SslKeyPassword)");
	}

	@Test
	void certificateGivenAsKeyFails() {
		String certificate = this.pki.path(this.pki.clientCertificate);
		assertInvalid(mutualTls(certificate, null), "Kafka.SslKeyLocation", "file '" + certificate
				+ "' is not a PEM private key file (no '-----BEGIN PRIVATE KEY-----' or '-----BEGIN ENCRYPTED PRIVATE KEY-----' block)",
				"Set Kafka.SslKeyLocation to a readable PEM file with the client's PKCS#8 private key");
	}

	@Test
	void encryptedKeyWithoutPasswordFails() {
		String key = this.pki.path(this.pki.clientEncryptedKey);
		assertInvalid(mutualTls(key, null), "Kafka.SslKeyPassword",
				"it is not set but the key in '" + key + "' (Kafka.SslKeyLocation) is encrypted",
				"Set Kafka.SslKeyPassword to the key's password");
	}

	@Test
	void encryptedKeyWithWrongPasswordFailsWithoutShowingThePassword() {
		String key = this.pki.path(this.pki.clientEncryptedKey);
		assertThatExceptionOfType(InvalidKafkaConfigurationException.class)
			.isThrownBy(() -> of(mutualTls(key, "wrong-password-42")))
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo("Kafka.SslKeyPassword");
				assertThat(ex.getProblem())
					.isEqualTo("it does not decrypt the private key in '" + key + "' (Kafka.SslKeyLocation)");
				assertThat(ex).hasNoCause();
				assertThat(ex.getMessage()).doesNotContain("wrong-password-42");
			});
	}

	@Test
	void keyEncryptedWithAnAlgorithmKafkaCannotDecryptFailsWithReencryptionHint() throws Exception {
		String key = this.pki.path(this.pki.clientPbes2Key);
		Map<String, Object> kafkaConfig = new HashMap<>();
		kafkaConfig.put("ssl.keystore.type", "PEM");
		kafkaConfig.put("ssl.keystore.certificate.chain",
				PemFiles.readCertificates("k", this.pki.path(this.pki.clientCertificate), "a"));
		kafkaConfig.put("ssl.keystore.key", java.nio.file.Files.readString(this.pki.clientPbes2Key));
		kafkaConfig.put("ssl.key.password", TestPki.KEY_PASSWORD);
		assertThatExceptionOfType(org.apache.kafka.common.KafkaException.class).as("Kafka itself cannot read it")
			.isThrownBy(() -> new DefaultSslEngineFactory()
				.configure(new ConfigDef().withClientSslSupport().parse(kafkaConfig)));
		assertInvalid(mutualTls(key, TestPki.KEY_PASSWORD), "Kafka.SslKeyLocation",
				"file '" + key + "' holds a key encrypted with PBES2, which Kafka's PEM reader cannot decrypt on this JVM",
				"Re-encrypt the key with a PBES1 algorithm, for example 'openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in "
						+ "key.pem -out key-encrypted.pem', or use an unencrypted PKCS#8 key without Kafka.SslKeyPassword");
	}

	@Test
	void passwordForUnencryptedKeyFails() {
		String key = this.pki.path(this.pki.clientKey);
		assertInvalid(mutualTls(key, "secret"), "Kafka.SslKeyPassword",
				"it is set but the key in '" + key + "' (Kafka.SslKeyLocation) is not encrypted",
				"Remove Kafka.SslKeyPassword, or use an encrypted key ('-----BEGIN ENCRYPTED PRIVATE KEY-----')");
	}

	private Consumer<KafkaSecurityProperties> ssl(Consumer<KafkaSecurityProperties> more) {
		return (s) -> {
			s.setSecurityProtocol(SecurityProtocol.SSL);
			more.accept(s);
		};
	}

	private Consumer<KafkaSecurityProperties> mutualTls(String key, String password) {
		return ssl((s) -> {
			s.setSslCertificateLocation(this.pki.path(this.pki.clientCertificate));
			s.setSslKeyLocation(key);
			s.setSslKeyPassword(password);
		});
	}

	private static KafkaClientSecurity sasl(SecurityProtocol protocol, SaslMechanism mechanism) {
		return of((s) -> {
			s.setSecurityProtocol(protocol);
			s.setSaslMechanism(mechanism);
			s.setSaslUsername("alice");
			s.setSaslPassword("alice-secret");
		});
	}

	static KafkaClientSecurity of(Consumer<KafkaSecurityProperties> settings) {
		KafkaSecurityProperties properties = new KafkaSecurityProperties();
		settings.accept(properties);
		return KafkaClientSecurity.of(properties);
	}

	private static void assertInvalid(Consumer<KafkaSecurityProperties> settings, String key, String problem,
			String action) {
		assertThatExceptionOfType(InvalidKafkaConfigurationException.class).isThrownBy(() -> of(settings))
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo(key);
				assertThat(ex.getProblem()).isEqualTo(problem);
				if (action != null) {
					assertThat(ex.getAction()).isEqualTo(action);
				}
				assertThat(ex.getMessage()).doesNotContain("alice-secret");
			});
	}

	/** Loads the client properties with Kafka's own SSL engine factory, as a client would. */
	private static DefaultSslEngineFactory kafkaSslEngineFactory(KafkaClientSecurity security) {
		Map<String, Object> raw = new HashMap<>(security.clientProperties());
		raw.remove("security.protocol");
		raw.remove("sasl.mechanism");
		raw.remove("sasl.jaas.config");
		Map<String, Object> parsed = new ConfigDef().withClientSslSupport().parse(raw);
		DefaultSslEngineFactory factory = new DefaultSslEngineFactory();
		factory.configure(parsed);
		return factory;
	}

}
