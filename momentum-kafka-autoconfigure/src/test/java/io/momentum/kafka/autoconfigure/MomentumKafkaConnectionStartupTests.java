package io.momentum.kafka.autoconfigure;

import java.util.Map;

import io.momentum.kafka.topic.EventCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts real Spring applications to prove what only {@code SpringApplication} does: the real
 * system environment property source, the failure analyzers registered in
 * {@code META-INF/spring.factories}, and the "APPLICATION FAILED TO START" report a user reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class MomentumKafkaConnectionStartupTests {

	@Test
	void whenDotNetEnvironmentVariableIsSetThenTheApplicationConnectsThere() {
		try (ConfigurableApplicationContext context = run(Map.of("ConnectionStrings__Messaging", "dotnet:9092",
				"Kafka__SecurityProtocol", "Plaintext"), App.class)) {
			assertThat(context.getBean(KafkaConnectionDetails.class)).isInstanceOf(MomentumKafkaConnectionDetails.class);
			assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers()).containsExactly("dotnet:9092");
		}
	}

	@Test
	void whenBootstrapEntryHasNoPortThenReportNamesKeyAndFix(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(Map.of(), App.class, "--ConnectionStrings.Messaging=broker1"));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Invalid Kafka configuration in 'ConnectionStrings.Messaging': entry 'broker1' has no port.",
				"Set ConnectionStrings.Messaging to one or more host:port pairs separated by commas, for example "
						+ "broker1:9092,broker2:9092");
	}

	@Test
	void whenSecurityProtocolUnknownThenReportNamesKeyAndAcceptedValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(Map.of(), App.class, "--ConnectionStrings.Messaging=broker1:9092",
				"--Kafka.SecurityProtocol=SaslTls"));
		assertThat(output).contains("APPLICATION FAILED TO START", "kafka.security-protocol", "Value: \"SaslTls\"",
				"SASL_PLAINTEXT", "SASL_SSL");
	}

	@Test
	void whenSaslPasswordMissingThenReportNamesTheKeyAndHidesOtherSecrets(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(Map.of("KAFKA_SSLKEYPASSWORD", "key-secret-value"), App.class,
				"--ConnectionStrings.Messaging=broker1:9092", "--Kafka.SecurityProtocol=SaslPlaintext",
				"--Kafka.SaslUsername=alice"));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Invalid Kafka configuration in 'Kafka.SecurityProtocol': Kafka.SslKeyPassword is set but "
						+ "Kafka.SecurityProtocol is SASL_PLAINTEXT, which does not use TLS.")
			.doesNotContain("key-secret-value");
	}

	@Test
	void whenConnectionStringMissingAndMomentumBeanInjectedThenReportExplainsHowToSwitchOn(CapturedOutput output) {
		assertThatException().isThrownBy(() -> run(Map.of(), NeedsEventCatalog.class));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"A component needs a bean of type 'io.momentum.kafka.topic.EventCatalog', but Momentum Kafka is "
						+ "switched off because ConnectionStrings.Messaging is not set.",
				"ConnectionStrings:", "Messaging: localhost:9092", "CONNECTIONSTRINGS_MESSAGING=localhost:9092");
	}

	private static ConfigurableApplicationContext run(Map<String, Object> environmentVariables, Class<?> source,
			String... args) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace("systemEnvironment", new SystemEnvironmentPropertySource("systemEnvironment", environmentVariables));
		SpringApplication application = new SpringApplication(source);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environment);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MomentumKafkaConnectionAutoConfiguration.class, KafkaAutoConfiguration.class })
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ MomentumKafkaConnectionAutoConfiguration.class, KafkaAutoConfiguration.class })
	static class NeedsEventCatalog {

		@Bean
		String needsCatalog(EventCatalog catalog) {
			return "x";
		}

	}

}
