package io.momentum.kafka.it.reliability;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.it.reliability.app.PaymentRecorded;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.test.broker.BrokerListener;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import io.momentum.kafka.test.broker.TestCertificates;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * SASL as a user configures it, through the seed's {@code Kafka.*} keys only: PLAIN and SCRAM-SHA-512 on a
 * SASL_PLAINTEXT listener and SCRAM-SHA-512 on SASL_SSL with a CA generated for the test. The right credentials carry
 * events from publisher to handler; a wrong password makes health DOWN with an authentication reason and fails
 * publishes saying so, without a retry storm in the log; the password never appears in the log or in
 * {@code /actuator/env}, {@code /actuator/configprops} and {@code /actuator/health}, values shown.
 */
@ExtendWith(OutputCaptureExtension.class)
class SaslSecurityIntegrationTests {

	// Distinctive, so that finding them anywhere in a log or a response is meaningful.
	private static final String PLAIN_PASSWORD = "pl41n-Pw-7f3c9e";

	private static final String SCRAM_PASSWORD = "scr4m-Pw-0b81d2";

	private static final String WRONG_PASSWORD = "wr0ng-Pw-55aa01";

	private static final Duration LOG_WINDOW = Duration.ofSeconds(10);

	@TempDir
	static Path certificateDirectory;

	@AutoClose
	private static KafkaBrokerProcess broker;

	private static final Map<Scenario, String> rightCredentials = new EnumMap<>(Scenario.class);

	private static final Map<Scenario, String> wrongCredentials = new EnumMap<>(Scenario.class);

	private static final Map<Scenario, Long> testNanos = new EnumMap<>(Scenario.class);

	@BeforeAll
	static void startBroker() {
		TestCertificates certificates = TestCertificates.generate(certificateDirectory);
		broker = KafkaBrokerProcess.builder()
			.plainUser("alice", PLAIN_PASSWORD)
			.scramUser(ScramMechanism.SCRAM_SHA_512, "bob", SCRAM_PASSWORD)
			.tls(certificates.brokerTls())
			.build();
		broker.start();
	}

	@AfterAll
	static void closeBrokerAndReport() {
		for (Scenario scenario : List.of(Scenario.SASL_PLAIN, Scenario.SASL_SCRAM, Scenario.SASL_SSL)) {
			String right = rightCredentials.get(scenario);
			if (right != null) {
				String wrong = wrongCredentials.getOrDefault(scenario, "");
				ReliabilityReport.record(new Row(scenario, right, 0, "0 handled", "n/a",
						Duration.ofNanos(testNanos.getOrDefault(scenario, 0L)), wrong.isEmpty() ? "password in the log, "
								+ "/actuator/env, /actuator/configprops: 0 times" : wrong));
			}
		}
	}

	@Test
	void plainWithTheRightPasswordCarriesEventsToTheHandler(CapturedOutput output) throws Exception {
		assertRightCredentialsWork(Scenario.SASL_PLAIN, sasl("SaslPlaintext", "Plain", "alice", PLAIN_PASSWORD),
				PLAIN_PASSWORD, output);
	}

	@Test
	void scramSha512WithTheRightPasswordCarriesEventsToTheHandler(CapturedOutput output) throws Exception {
		assertRightCredentialsWork(Scenario.SASL_SCRAM, sasl("SaslPlaintext", "ScramSha512", "bob", SCRAM_PASSWORD),
				SCRAM_PASSWORD, output);
	}

	@Test
	void saslSslWithAGeneratedCaCarriesEventsToTheHandler(CapturedOutput output) throws Exception {
		Map<String, Object> properties = sasl("SaslSsl", "ScramSha512", "bob", SCRAM_PASSWORD);
		properties.put("Kafka.SslCaLocation", certificateDirectory.resolve("ca.pem").toString());
		assertRightCredentialsWork(Scenario.SASL_SSL, properties, SCRAM_PASSWORD, output);
	}

	@Test
	void plainWithAWrongPasswordIsDownAndRefusedSayingSo(CapturedOutput output) throws Exception {
		assertWrongPasswordRefused(Scenario.SASL_PLAIN, sasl("SaslPlaintext", "Plain", "alice", WRONG_PASSWORD),
				"Kafka authentication failed with SASL mechanism PLAIN (security protocol SASL_PLAINTEXT; check "
						+ "Kafka.SaslUsername and Kafka.SaslPassword): Authentication failed: Invalid username or password",
				output);
	}

	@Test
	void scramSha512WithAWrongPasswordIsDownAndRefusedSayingSo(CapturedOutput output) throws Exception {
		assertWrongPasswordRefused(Scenario.SASL_SCRAM, sasl("SaslPlaintext", "ScramSha512", "bob", WRONG_PASSWORD),
				"Kafka authentication failed with SASL mechanism SCRAM-SHA-512 (security protocol SASL_PLAINTEXT; check "
						+ "Kafka.SaslUsername and Kafka.SaslPassword): Authentication failed during authentication due to "
						+ "invalid credentials with SASL mechanism SCRAM-SHA-512",
				output);
	}

	@Test
	void wrongPasswordWithTopicProvisioningStopsStartupSayingSo(CapturedOutput output) {
		Map<String, Object> properties = sasl("SaslPlaintext", "ScramSha512", "bob", WRONG_PASSWORD);
		properties.put("momentum.kafka.topics.provision", true);
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> LedgerService.start(properties, new DeliveryLedger()))
			.satisfies((failure) -> assertThat(Causes.of(failure)).contains("Authentication failed during authentication "
					+ "due to invalid credentials with SASL mechanism SCRAM-SHA-512"))
			.satisfies((failure) -> assertThat(Causes.of(failure)).doesNotContain(WRONG_PASSWORD));
		assertThat(output.getAll()).doesNotContain(WRONG_PASSWORD);
	}

	private void assertRightCredentialsWork(Scenario scenario, Map<String, Object> properties, String password,
			CapturedOutput output) throws Exception {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		// Each context its own topic: the group's offsets from another test do not apply.
		properties.put("momentum.kafka.environment", switch (scenario) {
			case SASL_PLAIN -> "pln";
			case SASL_SCRAM -> "scr";
			default -> "ssl";
		});
		try (LedgerService service = LedgerService.start(properties, ledger)) {
			service.warmUp();
			for (int i = 0; i < 20; i++) {
				service.publish(ledger, "account-" + i, i);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> ledger.pending() == 0 && ledger.missing().isEmpty());
			assertThat(ledger.acknowledged()).hasSize(20);
			assertThat(ledger.duplicates()).isZero();
			assertThat(service.health().getStatus()).isEqualTo(Status.UP);
			assertPasswordNotExposed(service, password, output);
		}
		assertThat(output.getAll()).doesNotContain(password);
		rightCredentials.put(scenario, "20 published and handled with the right password (" + properties.get("Kafka.SaslMechanism")
				+ " over " + properties.get("Kafka.SecurityProtocol") + ")");
		testNanos.merge(scenario, System.nanoTime() - started, Long::sum);
	}

	private void assertWrongPasswordRefused(Scenario scenario, Map<String, Object> properties, String reason,
			CapturedOutput output) throws Exception {
		long started = System.nanoTime();
		properties.put("momentum.kafka.topics.provision", false);
		properties.put("spring.kafka.producer.properties.max.block.ms", 5_000);
		try (LedgerService service = LedgerService.start(properties, new DeliveryLedger())) {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> service.health().getStatus().equals(Status.DOWN));
			Health health = service.health();
			assertThat(health.getDetails().get("reason")).asString().startsWith(reason);

			long publishing = System.nanoTime();
			IntegrationEventPublishException failure = catchThrowableOfType(IntegrationEventPublishException.class,
					() -> service.publisher().publishAndWait(new PaymentRecorded("account-1", 1, System.nanoTime())));
			long refusedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishing);
			assertThat(failure).isNotNull();
			assertThat(failure.getMessage()).contains("SaslAuthenticationException", "Authentication failed")
				.doesNotContain(WRONG_PASSWORD);

			HttpResponse<String> httpHealth = service.get("/actuator/health");
			assertThat(httpHealth.statusCode()).isEqualTo(503);
			assertThat(httpHealth.body()).contains("Kafka authentication failed");
			assertPasswordNotExposed(service, WRONG_PASSWORD, output);

			// Watch the log for a while: clients that retry authentication in a loop would fill it.
			long elapsed = System.nanoTime() - started;
			Thread.sleep(Math.max(0, LOG_WINDOW.toMillis() - TimeUnit.NANOSECONDS.toMillis(elapsed)));
			long windowNanos = System.nanoTime() - started;
			List<String> authenticationLines = output.getAll()
				.lines()
				.filter((line) -> line.toLowerCase(java.util.Locale.ROOT).contains("authentication"))
				.toList();
			wrongCredentials.put(scenario, "wrong password: health DOWN \"" + reason.substring(0, reason.indexOf('(')).strip()
					+ "...\", publish refused after " + refusedAfter + " ms (\"" + failure.getMessage()
						.replaceAll(".*?(was not written.*)", "$1")
						.replace(" (id ", "")
					+ "\"); " + authenticationLines.size() + " log lines mention authentication in the first "
					+ ReliabilityReport.seconds(Duration.ofNanos(windowNanos)) + "; password in the log, /actuator/env, "
					+ "/actuator/configprops, /actuator/health: 0 times");
			assertThat(authenticationLines).as("log lines about authentication (a retry storm writes many)")
				.hasSizeLessThan(100);
		}
		assertThat(output.getAll()).doesNotContain(WRONG_PASSWORD);
		testNanos.merge(scenario, System.nanoTime() - started, Long::sum);
	}

	private static void assertPasswordNotExposed(LedgerService service, String password, CapturedOutput output)
			throws Exception {
		HttpResponse<String> env = service.get("/actuator/env");
		assertThat(env.statusCode()).isEqualTo(200);
		// The endpoint shows values (the user name is there), only the password is masked.
		assertThat(env.body()).contains("Kafka.SaslUsername").contains("Kafka.SaslPassword").doesNotContain(password);
		HttpResponse<String> configprops = service.get("/actuator/configprops");
		assertThat(configprops.statusCode()).isEqualTo(200);
		assertThat(configprops.body()).contains("sasl.jaas.config").doesNotContain(password);
		assertThat(service.get("/actuator/health").body()).doesNotContain(password);
		assertThat(output.getAll()).doesNotContain(password);
	}

	private static Map<String, Object> sasl(String protocol, String mechanism, String username, String password) {
		BrokerListener listener = protocol.equals("SaslSsl") ? BrokerListener.SASL_SSL : BrokerListener.SASL_PLAINTEXT;
		Map<String, Object> properties = LedgerService
			.withActuatorOverHttp(LedgerService.defaults(broker.bootstrapServers(listener), "sasl"));
		properties.put("Kafka.SecurityProtocol", protocol);
		properties.put("Kafka.SaslMechanism", mechanism);
		properties.put("Kafka.SaslUsername", username);
		properties.put("Kafka.SaslPassword", password);
		// Kafka's clients log their whole configuration at INFO: the password must not be in it either.
		properties.put("logging.level.org.apache.kafka", "info");
		return properties;
	}

}
