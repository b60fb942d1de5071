package io.momentum.kafka.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint.PropertySourceDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MomentumKafkaSecretsAutoConfigurationTests {

	private static final String SASL_PASSWORD = "sasl-pa55-secret";

	private final TestPki pki = TestPki.get();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MomentumKafkaSecretsAutoConfiguration.class,
				MomentumKafkaConnectionAutoConfiguration.class, KafkaAutoConfiguration.class,
				EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always");

	@Test
	void whenValuesAreShownThenEnvEndpointStillMasksSeedPascalCaseSecrets() {
		this.runner.withPropertyValues(securedApplication()).run((context) -> {
			Map<String, Object> env = environment(context);
			assertThat(env).containsEntry("Kafka.SaslPassword", "******")
				.containsEntry("Kafka.SslKeyPassword", "******")
				.containsEntry("Kafka.SaslUsername", "alice");
			assertThat(env.toString()).doesNotContain(SASL_PASSWORD, TestPki.KEY_PASSWORD);
			assertThat(context.getBean(EnvironmentEndpoint.class)
				.environmentEntry("Kafka.SaslPassword")
				.getProperty()
				.getValue()).isEqualTo("******");
		});
	}

	@Test
	void whenValuesAreShownThenConfigPropsMasksBoundAndDerivedSecrets() {
		this.runner.withPropertyValues(securedApplication()).run((context) -> {
			String configProps = configProps(context);
			assertThat(configProps).contains("saslUsername=alice", "saslPassword=******", "sslKeyPassword=******",
					"sasl.jaas.config=******", "ssl.keystore.key=******", "ssl.key.password=******");
			assertThat(configProps).doesNotContain(SASL_PASSWORD, TestPki.KEY_PASSWORD, "PRIVATE KEY");
		});
	}

	@Test
	void whenSecretsComeFromEnvironmentVariablesOrSpringKafkaPropertiesThenTheyAreMasked() {
		this.runner
			.withInitializer(MomentumKafkaConnectionAutoConfigurationTests.environmentVariables(
					Map.of("CONNECTIONSTRINGS_MESSAGING", "broker1:9092", "KAFKA_SECURITYPROTOCOL", "SaslSsl",
							"KAFKA_SASLUSERNAME", "alice", "KAFKA_SASLPASSWORD", SASL_PASSWORD, "Kafka__SaslPassword",
							SASL_PASSWORD, "SPRING_KAFKA_PROPERTIES_SSL_KEY_PASSWORD", "spring-key-secret")))
			.withPropertyValues("spring.kafka.consumer.properties[sasl.jaas.config]=Module required password=\"jaas-secret\";",
					"spring.kafka.ssl.key-store-password=store-secret")
			.run((context) -> {
				Map<String, Object> env = environment(context);
				assertThat(env).containsEntry("KAFKA_SASLPASSWORD", "******")
					.containsEntry("Kafka__SaslPassword", "******")
					.containsEntry("SPRING_KAFKA_PROPERTIES_SSL_KEY_PASSWORD", "******")
					.containsEntry("spring.kafka.consumer.properties[sasl.jaas.config]", "******")
					.containsEntry("spring.kafka.ssl.key-store-password", "******");
				String everything = env + configProps(context);
				assertThat(everything).doesNotContain(SASL_PASSWORD, "jaas-secret", "spring-key-secret",
						"store-secret");
			});
	}

	@Test
	void whenConnectionStringMissingThenSecretsAreStillMasked() {
		this.runner.withPropertyValues("Kafka.SaslPassword=" + SASL_PASSWORD).run((context) -> {
			assertThat(context).hasSingleBean(KafkaSecretsSanitizingFunction.class)
				.doesNotHaveBean(MomentumKafkaConnectionDetails.class);
			assertThat(environment(context)).containsEntry("Kafka.SaslPassword", "******");
		});
	}

	@Test
	void whenOurSanitizerIsAbsentThenShowValuesAlwaysWouldExposeThePassword() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=env",
					"management.endpoint.env.show-values=always", "Kafka.SaslPassword=" + SASL_PASSWORD)
			.run((context) -> assertThat(environment(context)).containsEntry("Kafka.SaslPassword", SASL_PASSWORD));
	}

	@Test
	void whenActuatorIsAbsentThenSanitizerBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaSecretsSanitizingFunction.class));
	}

	@Test
	void whenUserDefinesTheSanitizerThenOursBacksOff() {
		KafkaSecretsSanitizingFunction mine = new KafkaSecretsSanitizingFunction();
		this.runner.withBean(KafkaSecretsSanitizingFunction.class, () -> mine)
			.run((context) -> assertThat(context.getBean(KafkaSecretsSanitizingFunction.class)).isSameAs(mine));
	}

	private String[] securedApplication() {
		return new String[] { "ConnectionStrings.Messaging=broker1:9092", "Kafka.SecurityProtocol=SaslSsl",
				"Kafka.SaslUsername=alice", "Kafka.SaslPassword=" + SASL_PASSWORD,
				"Kafka.SslCertificateLocation=" + this.pki.clientCertificate,
				"Kafka.SslKeyLocation=" + this.pki.clientEncryptedKey, "Kafka.SslKeyPassword=" + TestPki.KEY_PASSWORD };
	}

	/** Every property of every property source, as the env endpoint shows it. */
	private static Map<String, Object> environment(AssertableApplicationContext context) {
		Map<String, Object> all = new java.util.LinkedHashMap<>();
		List<PropertySourceDescriptor> sources = context.getBean(EnvironmentEndpoint.class)
			.environment(null)
			.getPropertySources();
		for (PropertySourceDescriptor source : sources) {
			source.getProperties().forEach((name, value) -> all.putIfAbsent(name, value.getValue()));
		}
		return all;
	}

	/** Every bean's properties, as the configprops endpoint shows them. */
	private static String configProps(AssertableApplicationContext context) {
		List<Object> all = new ArrayList<>();
		context.getBean(ConfigurationPropertiesReportEndpoint.class)
			.configurationProperties()
			.getContexts()
			.values()
			.forEach((ctx) -> ctx.getBeans().values().forEach((bean) -> all.add(bean.getProperties())));
		return all.toString();
	}

}
