package io.momentum.kafka.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.kafka.autoconfigure.SslBundleSslEngineFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@ExtendWith(OutputCaptureExtension.class)
class MomentumKafkaConnectionAutoConfigurationTests {

	private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

	private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MomentumKafkaConnectionAutoConfiguration.class, KafkaAutoConfiguration.class));

	private final TestPki pki = TestPki.get();

	// --- ConnectionStrings.Messaging switches the integration on ---

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(MomentumKafkaConnectionDetails.class)
				.doesNotHaveBean(KafkaClientSecurity.class)
				.doesNotHaveBean(KafkaClientSecurityPostProcessor.class)
				.hasSingleBean(KafkaConnectionDetails.class);
			assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
				.containsOnly(List.of("localhost:9092"));
		});
	}

	@Test
	void whenConnectionStringBlankThenBacksOff() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=  ", "Kafka.SecurityProtocol=Bogus")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MomentumKafkaConnectionDetails.class));
	}

	@Test
	void whenConnectionStringMissingThenSecuritySettingsAreNotAppliedEither() {
		this.runner.withPropertyValues("Kafka.SecurityProtocol=Ssl")
			.run((context) -> assertThat(clients(context, (config) -> config.get("security.protocol")))
				.containsOnly((Object) null));
	}

	@Test
	void whenSeedPascalCaseConnectionStringThenEveryClientUsesIt() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1:9092").run((context) -> {
			assertThat(context).hasSingleBean(MomentumKafkaConnectionDetails.class);
			assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
				.containsExactly("broker1:9092");
			assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
				.containsOnly(List.of("broker1:9092"));
		});
	}

	@Test
	void whenKebabOrLowerCaseConnectionStringThenItBinds() {
		for (String key : List.of("connection-strings.messaging", "connectionstrings.messaging",
				"CONNECTIONSTRINGS.MESSAGING")) {
			this.runner.withPropertyValues(key + "=broker1:9092")
				.run((context) -> assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
					.as(key)
					.containsExactly("broker1:9092"));
		}
	}

	@Test
	void whenConnectionStringFromSpringStyleEnvironmentVariableThenItBinds() {
		this.runner.withInitializer(environmentVariables(Map.of("CONNECTIONSTRINGS_MESSAGING", "env-broker:9092")))
			.run((context) -> assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
				.containsExactly("env-broker:9092"));
	}

	@Test
	void whenConnectionStringFromDotNetEnvironmentVariableThenItBinds() {
		this.runner.withInitializer(environmentVariables(Map.of("ConnectionStrings__Messaging", "dotnet-broker:9092")))
			.run((context) -> assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
				.containsExactly("dotnet-broker:9092"));
	}

	@Test
	void whenSeveralBrokersWithWhitespaceThenEveryClientGetsAllOfThem() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging= broker1:9092 ,broker2:9093,\tbroker3:9094 ")
			.run((context) -> assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
				.containsOnly(List.of("broker1:9092", "broker2:9093", "broker3:9094")));
	}

	@Test
	void whenSpringBootstrapServersSetThenTheyWin() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "spring.kafka.bootstrap-servers=spring:9092")
			.run((context) -> assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
				.containsOnly(List.of("spring:9092")));
	}

	@Test
	void whenSpringBootstrapServersSetToBootsDefaultValueThenItStillWins() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092",
					"spring.kafka.bootstrap-servers=localhost:9092")
			.run((context) -> assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
				.containsOnly(List.of("localhost:9092")));
	}

	@Test
	void whenClientSpecificSpringBootstrapServersSetThenTheyWinForThatClientOnly() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092",
					"spring.kafka.consumer.bootstrap-servers=consumer:9092")
			.run((context) -> {
				assertThat(consumer(context).get("bootstrap.servers")).isEqualTo(List.of("consumer:9092"));
				assertThat(producer(context).get("bootstrap.servers")).isEqualTo(List.of("broker1:9092"));
				assertThat(admin(context).get("bootstrap.servers")).isEqualTo(List.of("broker1:9092"));
			});
	}

	@Test
	void whenSpringKafkaSslBundleSetThenEveryClientUsesItAsSpringBootWould() {
		this.runner.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092",
					"spring.ssl.bundle.pem.kafka.truststore.certificate=file:" + this.pki.caCertificate,
					"spring.kafka.ssl.bundle=kafka", "spring.kafka.security.protocol=SSL")
			.run((context) -> {
				assertThat(clients(context, (config) -> config.get("ssl.engine.factory.class")))
					.containsOnly(SslBundleSslEngineFactory.class);
				assertThat(clients(context, (config) -> config.get(SslBundle.class.getName())))
					.allSatisfy((bundle) -> assertThat(bundle).isInstanceOf(SslBundle.class));
				assertThat(clients(context, (config) -> config.get("security.protocol"))).containsOnly("SSL");
				assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
					.containsOnly(List.of("broker1:9092"));
			});
	}

	@Test
	void whenUserDefinesConnectionDetailsThenOursBacksOff() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1:9092")
			.withBean(KafkaConnectionDetails.class, () -> () -> List.of("mine:9092"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(MomentumKafkaConnectionDetails.class);
				assertThat(clients(context, (config) -> config.get("bootstrap.servers")))
					.containsOnly(List.of("mine:9092"));
			});
	}

	@Test
	void whenBootstrapEntryHasNoPortThenStartupFailsNamingTheKey() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1:9092,broker2")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidKafkaConfigurationException.class)
				.hasMessage("Invalid ConnectionStrings.Messaging: entry 'broker2' has no port. Set "
						+ "ConnectionStrings.Messaging to one or more host:port pairs separated by commas, for example "
						+ "broker1:9092,broker2:9092"));
	}

	@Test
	void whenBootstrapPortOutOfRangeThenStartupFailsNamingTheKey() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1:70000")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid ConnectionStrings.Messaging: entry 'broker1:70000' has port 70000, "
						+ "outside the range 1 to 65535."));
	}

	// --- Kafka.* keys bind in every form ---

	@Test
	void whenSeedPascalCaseSecurityKeysThenTheyBind() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslMechanism=ScramSha512", "Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret",
					"Kafka.SslEndpointIdentificationAlgorithm=none")
			.run((context) -> {
				KafkaSecurityProperties settings = context.getBean(KafkaSecurityProperties.class);
				assertThat(settings.getSecurityProtocol()).isEqualTo(KafkaSecurityProperties.SecurityProtocol.SASL_SSL);
				assertThat(settings.getSaslMechanism()).isEqualTo(KafkaSecurityProperties.SaslMechanism.SCRAM_SHA_512);
				assertThat(settings.getSaslUsername()).isEqualTo("alice");
				assertThat(settings.getSaslPassword()).isEqualTo("alice-secret");
				assertThat(settings.getSslEndpointIdentificationAlgorithm())
					.isEqualTo(KafkaSecurityProperties.EndpointIdentificationAlgorithm.NONE);
			});
	}

	@Test
	void whenKebabCaseSecurityKeysThenTheyBind() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "kafka.security-protocol=sasl-ssl",
					"kafka.sasl-mechanism=scram-sha-256", "kafka.sasl-username=alice",
					"kafka.sasl-password=alice-secret")
			.run((context) -> {
				KafkaSecurityProperties settings = context.getBean(KafkaSecurityProperties.class);
				assertThat(settings.getSecurityProtocol()).isEqualTo(KafkaSecurityProperties.SecurityProtocol.SASL_SSL);
				assertThat(settings.getSaslMechanism()).isEqualTo(KafkaSecurityProperties.SaslMechanism.SCRAM_SHA_256);
				assertThat(settings.getSaslUsername()).isEqualTo("alice");
			});
	}

	@Test
	void whenProtocolAndMechanismInKafkaOrAnyCaseThenTheyBind() {
		Map<String, KafkaSecurityProperties.SecurityProtocol> protocols = Map.of("SASL_SSL",
				KafkaSecurityProperties.SecurityProtocol.SASL_SSL, "saslssl",
				KafkaSecurityProperties.SecurityProtocol.SASL_SSL, "SASLPLAINTEXT",
				KafkaSecurityProperties.SecurityProtocol.SASL_PLAINTEXT, "Plaintext",
				KafkaSecurityProperties.SecurityProtocol.PLAINTEXT, "ssl", KafkaSecurityProperties.SecurityProtocol.SSL);
		protocols.forEach((value, expected) -> this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=" + value)
			.withPropertyValues(expected.usesSasl()
					? new String[] { "Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret" } : new String[0])
			.run((context) -> assertThat(context.getBean(KafkaSecurityProperties.class).getSecurityProtocol())
				.as(value)
				.isEqualTo(expected)));
		Map<String, KafkaSecurityProperties.SaslMechanism> mechanisms = Map.of("PLAIN",
				KafkaSecurityProperties.SaslMechanism.PLAIN, "SCRAM-SHA-512",
				KafkaSecurityProperties.SaslMechanism.SCRAM_SHA_512, "scram_sha_256",
				KafkaSecurityProperties.SaslMechanism.SCRAM_SHA_256, "OAuthBearer",
				KafkaSecurityProperties.SaslMechanism.OAUTHBEARER);
		mechanisms.forEach((value, expected) -> this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslMechanism=" + value, "Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret")
			.run((context) -> assertThat(context.getBean(KafkaSecurityProperties.class).getSaslMechanism())
				.as(value)
				.isEqualTo(expected)));
	}

	@Test
	void whenSecurityKeysFromEnvironmentVariablesThenTheyBind() {
		this.runner
			.withInitializer(environmentVariables(Map.of("CONNECTIONSTRINGS_MESSAGING", "broker1:9092",
					"KAFKA_SECURITYPROTOCOL", "SaslPlaintext", "Kafka__SaslMechanism", "ScramSha512",
					"KAFKA_SASLUSERNAME", "alice", "Kafka__SaslPassword", "alice-secret")))
			.run((context) -> assertThat(producer(context)).contains(entry("security.protocol", "SASL_PLAINTEXT"),
					entry("sasl.mechanism", "SCRAM-SHA-512"), entry("sasl.jaas.config",
							SCRAM_MODULE + " required username=\"alice\" password=\"alice-secret\";")));
	}

	// --- Kafka.* settings become client properties of every client ---

	@Test
	void whenPlaintextThenEveryClientGetsTheProtocol() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Plaintext")
			.run((context) -> assertEveryClient(context, Map.of("security.protocol", "PLAINTEXT"),
					List.of("sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type")));
	}

	@Test
	void whenSslWithCaThenEveryClientGetsPemTrustStoreAndHostnameCheck() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Ssl",
					"Kafka.SslCaLocation=" + this.pki.caCertificate)
			.run((context) -> assertEveryClient(context,
					Map.of("security.protocol", "SSL", "ssl.truststore.type", "PEM", "ssl.truststore.location",
							this.pki.caCertificate.toAbsolutePath().toString(),
							"ssl.endpoint.identification.algorithm", "https"),
					List.of("sasl.mechanism", "sasl.jaas.config", "ssl.keystore.type")));
	}

	@Test
	void whenSaslPlaintextWithPlainThenEveryClientGetsTheBrokerFactsProperties() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslPlaintext",
					"Kafka.SaslMechanism=Plain", "Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret")
			.run((context) -> assertEveryClient(context,
					Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
							PLAIN_MODULE + " required username=\"alice\" password=\"alice-secret\";"),
					List.of("ssl.endpoint.identification.algorithm", "ssl.truststore.type")));
	}

	@Test
	void whenSaslSslWithScramAndNoHostnameCheckThenEveryClientGetsThem() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SASL_SSL",
					"Kafka.SaslMechanism=ScramSha512", "Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret",
					"Kafka.SslCaLocation=" + this.pki.caCertificate, "Kafka.SslEndpointIdentificationAlgorithm=none")
			.run((context) -> assertEveryClient(context,
					Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "sasl.jaas.config",
							SCRAM_MODULE + " required username=\"alice\" password=\"alice-secret\";",
							"ssl.truststore.type", "PEM", "ssl.endpoint.identification.algorithm", ""),
					List.of()));
	}

	@Test
	void whenMutualTlsThenEveryClientGetsPemKeyStore() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Ssl",
					"Kafka.SslCaLocation=" + this.pki.caCertificate,
					"Kafka.SslCertificateLocation=" + this.pki.clientCertificate,
					"Kafka.SslKeyLocation=" + this.pki.clientEncryptedKey, "Kafka.SslKeyPassword=" + TestPki.KEY_PASSWORD)
			.run((context) -> {
				assertEveryClient(context, Map.of("ssl.keystore.type", "PEM", "ssl.key.password", TestPki.KEY_PASSWORD),
						List.of());
				assertThat(clients(context, (config) -> String.valueOf(config.get("ssl.keystore.key"))))
					.allSatisfy((key) -> assertThat(key).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
				assertThat(clients(context, (config) -> String.valueOf(config.get("ssl.keystore.certificate.chain"))))
					.allSatisfy((chain) -> assertThat(chain).startsWith("-----BEGIN CERTIFICATE-----"));
			});
	}

	@Test
	void whenApplicationBuildsItsOwnFactoryFromKafkaPropertiesThenItGetsTheSecurityToo() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret")
			.run((context) -> assertThat(context.getBean(KafkaProperties.class).buildConsumerProperties())
				.contains(entry("security.protocol", "SASL_SSL"), entry("sasl.mechanism", "PLAIN")));
	}

	// --- explicit spring.kafka.* settings win ---

	@Test
	void whenSpringSecurityProtocolSetThenItWins() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret", "spring.kafka.security.protocol=SSL")
			.run((context) -> assertThat(clients(context, (config) -> config.get("security.protocol")))
				.containsOnly("SSL"));
	}

	@Test
	void whenSpringKafkaPropertiesSetThenTheyWinPerKey() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret",
					"spring.kafka.properties[sasl.jaas.config]=mine required;",
					"spring.kafka.consumer.properties[sasl.mechanism]=SCRAM-SHA-256",
					"spring.kafka.properties[ssl.endpoint.identification.algorithm]=")
			.run((context) -> {
				assertThat(clients(context, (config) -> config.get("sasl.jaas.config"))).containsOnly("mine required;");
				assertThat(clients(context, (config) -> config.get("ssl.endpoint.identification.algorithm")))
					.containsOnly("");
				assertThat(consumer(context)).contains(entry("sasl.mechanism", "SCRAM-SHA-256"));
				assertThat(producer(context)).contains(entry("sasl.mechanism", "PLAIN"));
				assertThat(admin(context)).contains(entry("sasl.mechanism", "PLAIN"));
			});
	}

	@Test
	void whenSpringTrustStoreConfiguredThenOurPemTrustStoreIsLeftOutAsAWhole() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Ssl",
					"Kafka.SslCaLocation=" + this.pki.caCertificate, "spring.kafka.ssl.trust-store-type=JKS",
					"spring.kafka.producer.ssl.trust-store-type=PKCS12")
			.run((context) -> {
				assertThat(clients(context, (config) -> config.get("ssl.truststore.location"))).containsOnly((Object) null);
				assertThat(producer(context)).contains(entry("ssl.truststore.type", "PKCS12"));
				assertThat(consumer(context)).contains(entry("ssl.truststore.type", "JKS"));
				assertThat(clients(context, (config) -> config.get("security.protocol"))).containsOnly("SSL");
			});
	}

	@Test
	void whenOnlyOneClientConfiguresAKeyThenTheOthersStillGetOurs() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Ssl",
					"Kafka.SslCaLocation=" + this.pki.caCertificate,
					"spring.kafka.admin.properties[ssl.truststore.location]=/admin/ca.pem")
			.run((context) -> {
				assertThat(admin(context)).contains(entry("ssl.truststore.location", "/admin/ca.pem"))
					.doesNotContainKey("ssl.truststore.type");
				assertThat(producer(context)).contains(entry("ssl.truststore.type", "PEM"));
				assertThat(consumer(context)).contains(entry("ssl.truststore.type", "PEM"));
			});
	}

	// --- bad values fail at startup with the key and the accepted values ---

	@Test
	void whenUnknownSecurityProtocolThenStartupFailsNamingKeyAndValues() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslTls")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = FailureAnalyzerRunner.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("kafka.security-protocol", "\"SaslTls\"");
				assertThat(analysis.getAction()).contains("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
			});
	}

	@Test
	void whenUnknownSaslMechanismThenStartupFailsNamingKeyAndValues() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslMechanism=ScramSha1")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyzerRunner.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("kafka.sasl-mechanism", "\"ScramSha1\"");
				assertThat(analysis.getAction()).contains("PLAIN", "SCRAM_SHA_256", "SCRAM_SHA_512", "OAUTHBEARER");
			});
	}

	@Test
	void whenUnknownEndpointIdentificationAlgorithmThenStartupFails() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Ssl",
					"Kafka.SslEndpointIdentificationAlgorithm=http")
			.run((context) -> assertThat(FailureAnalyzerRunner.analyze(context.getStartupFailure()).getDescription())
				.contains("kafka.ssl-endpoint-identification-algorithm", "\"http\""));
	}

	@Test
	void whenSaslWithoutPasswordThenStartupFailsWithoutShowingSecrets() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslUsername=alice")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid Kafka.SaslPassword: it is required when Kafka.SecurityProtocol is SASL_SSL and "
						+ "Kafka.SaslMechanism is PLAIN. Set Kafka.SaslUsername and Kafka.SaslPassword to the "
						+ "credentials of the Kafka user"));
	}

	@Test
	void whenSaslWithoutUsernameThenStartupFails() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslPlaintext",
					"Kafka.SaslPassword=alice-secret")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid Kafka.SaslUsername: it is required when Kafka.SecurityProtocol is "
						+ "SASL_PLAINTEXT and Kafka.SaslMechanism is PLAIN.")
				.hasMessageNotContaining("alice-secret"));
	}

	@Test
	void whenCaLocationMissingThenStartupFails() {
		String missing = this.pki.dir.resolve("nope.pem").toString();
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=Ssl",
					"Kafka.SslCaLocation=" + missing)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("Invalid Kafka.SslCaLocation: file '" + missing + "' does not exist. Set "
						+ "Kafka.SslCaLocation to a readable PEM file with the certificate of the authority that "
						+ "signed the brokers' certificates"));
	}

	@Test
	void whenCaLocationIsNotPemThenStartupFails() {
		this.runner
			.withPropertyValues("ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
					"Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-secret",
					"Kafka.SslCaLocation=" + this.pki.notPem)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("Invalid Kafka.SslCaLocation: file '" + this.pki.notPem
						+ "' is not a PEM certificate file (no '-----BEGIN CERTIFICATE-----' block)."));
	}

	@Test
	void whenInvalidValueThenFailureAnalysisNamesKeyAndFix() {
		this.runner.withPropertyValues("ConnectionStrings.Messaging=broker1")
			.run((context) -> {
				FailureAnalysis analysis = FailureAnalyzerRunner.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).isEqualTo(
						"Invalid Kafka configuration in 'ConnectionStrings.Messaging': entry 'broker1' has no port.");
				assertThat(analysis.getAction()).isEqualTo("Set ConnectionStrings.Messaging to one or more host:port "
						+ "pairs separated by commas, for example broker1:9092,broker2:9092");
			});
	}

	// --- missing connection string: a bean of ours is injected ---

	@Test
	void whenConnectionStringMissingAndMomentumBeanInjectedThenFailureAnalysisExplains() {
		this.runner.withUserConfiguration(NeedsEventCatalog.class).run((context) -> {
			assertThat(context).getFailure().rootCause().isInstanceOf(NoSuchBeanDefinitionException.class);
			FailureAnalysis analysis = new MissingMessagingConnectionFailureAnalyzer(new MockEnvironment())
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).isEqualTo("A component needs a bean of type "
					+ "'io.momentum.kafka.topic.EventCatalog', but Momentum Kafka is switched off because "
					+ "ConnectionStrings.Messaging is not set.");
			assertThat(analysis.getAction()).contains("Set ConnectionStrings.Messaging to your Kafka bootstrap servers",
					"    ConnectionStrings:\n      Messaging: localhost:9092",
					"CONNECTIONSTRINGS_MESSAGING=localhost:9092", "ConnectionStrings__Messaging=localhost:9092");
		});
	}

	@Test
	void whenConnectionStringSetOrBeanNotOursThenMissingBeanIsLeftToSpringBoot() {
		MockEnvironment connected = new MockEnvironment().withProperty("ConnectionStrings.Messaging", "broker1:9092");
		this.runner.withUserConfiguration(NeedsEventCatalog.class)
			.run((context) -> assertThat(new MissingMessagingConnectionFailureAnalyzer(connected)
				.analyze(context.getStartupFailure())).isNull());
		this.runner.withUserConfiguration(NeedsSomethingElse.class)
			.run((context) -> assertThat(new MissingMessagingConnectionFailureAnalyzer(new MockEnvironment())
				.analyze(context.getStartupFailure())).isNull());
	}

	// --- secrets stay out of logs ---

	@Test
	void whenKafkaClientsAreCreatedThenTheirConfigurationLogHidesSecrets(CapturedOutput output) {
		Logger configLogger = (Logger) LoggerFactory.getLogger("org.apache.kafka.common.config.AbstractConfig");
		Level level = configLogger.getLevel();
		configLogger.setLevel(Level.INFO);
		try {
			this.runner
				.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:1", "Kafka.SecurityProtocol=SaslPlaintext",
						"Kafka.SaslUsername=alice", "Kafka.SaslPassword=alice-pa55word",
						"spring.kafka.consumer.group-id=logs")
				.run((context) -> {
					try (Producer<?, ?> producer = context.getBean(DefaultKafkaProducerFactory.class).createProducer();
							Consumer<?, ?> consumer = context.getBean(DefaultKafkaConsumerFactory.class)
								.createConsumer()) {
						assertThat(producer).isNotNull();
						assertThat(consumer).isNotNull();
					}
				});
		}
		finally {
			configLogger.setLevel(level);
		}
		assertThat(output.getAll()).contains("ProducerConfig values", "ConsumerConfig values",
				"sasl.jaas.config = [hidden]", "security.protocol = SASL_PLAINTEXT");
		assertThat(output.getAll()).doesNotContain("alice-pa55word");
	}

	private static void assertEveryClient(AssertableApplicationContext context, Map<String, Object> expected,
			List<String> absent) {
		assertThat(context).hasNotFailed();
		List<Map<String, Object>> configs = List.of(producer(context), consumer(context), admin(context),
				context.getBean(KafkaProperties.class).buildStreamsProperties());
		for (Map<String, Object> config : configs) {
			assertThat(config).containsAllEntriesOf(expected);
			assertThat(config).doesNotContainKeys(absent.toArray(String[]::new));
		}
	}

	private static <T> List<T> clients(AssertableApplicationContext context, Function<Map<String, Object>, T> value) {
		List<T> values = new ArrayList<>();
		values.add(value.apply(producer(context)));
		values.add(value.apply(consumer(context)));
		values.add(value.apply(admin(context)));
		return values;
	}

	private static Map<String, Object> producer(AssertableApplicationContext context) {
		return context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties();
	}

	private static Map<String, Object> consumer(AssertableApplicationContext context) {
		return context.getBean(DefaultKafkaConsumerFactory.class).getConfigurationProperties();
	}

	private static Map<String, Object> admin(AssertableApplicationContext context) {
		return context.getBean(KafkaAdmin.class).getConfigurationProperties();
	}

	/**
	 * Simulates the process environment by replacing the system environment property source.
	 */
	static ApplicationContextInitializer<ConfigurableApplicationContext> environmentVariables(
			Map<String, Object> variables) {
		return (context) -> {
			String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
			context.getEnvironment().getPropertySources().replace(name, new SystemEnvironmentPropertySource(name, variables));
		};
	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsEventCatalog {

		@Bean
		String needsCatalog(EventCatalog catalog) {
			return "x";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsSomethingElse {

		@Bean
		String needsDuration(Duration duration) {
			return "x";
		}

	}

}
