package io.momentum.kafka.it.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.it.reliability.ReliabilityReport.Row;
import io.momentum.kafka.it.reliability.ReliabilityReport.Scenario;
import io.momentum.kafka.it.reliability.app.PaymentRecorded;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.test.broker.BrokerListener;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import io.momentum.kafka.test.broker.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A broker whose certificate names another host ({@code other.example}), signed by a CA generated for the test and
 * trusted through {@code Kafka.SslCaLocation}: with {@code Kafka.SslEndpointIdentificationAlgorithm=https} (the
 * default) the service refuses it with a clear error; with {@code none} it connects and events flow.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TlsHostNameVerificationIntegrationTests {

	private static final String MISMATCH = "No subject alternative names matching IP address 127.0.0.1 found";

	@TempDir
	static Path certificateDirectory;

	@AutoClose
	private static KafkaBrokerProcess broker;

	private static long testNanos;

	private static String refused = "";

	private static String accepted = "";

	@BeforeAll
	static void startBroker() {
		TestCertificates certificates = TestCertificates.generate(certificateDirectory, "dns:other.example");
		broker = KafkaBrokerProcess.builder().tls(certificates.brokerTls()).build();
		broker.start();
	}

	@AfterAll
	static void closeBrokerAndReport() {
		if (!accepted.isEmpty()) {
			ReliabilityReport.record(new Row(Scenario.TLS_HOST_NAME, accepted, 0, "0 handled", "n/a",
					Duration.ofNanos(testNanos), refused));
		}
	}

	@Test
	@Order(1)
	void httpsVerificationRefusesACertificateForAnotherHostName() throws Exception {
		long started = System.nanoTime();
		Map<String, Object> properties = tls("Https");
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> LedgerService.start(properties, new DeliveryLedger()))
			.satisfies((failure) -> assertThat(Causes.of(failure)).contains("SSL handshake failed", MISMATCH));

		properties.put("momentum.kafka.topics.provision", false);
		properties.put("spring.kafka.producer.properties.max.block.ms", 5_000);
		try (LedgerService service = LedgerService.start(properties, new DeliveryLedger())) {
			await().atMost(Duration.ofSeconds(20)).until(() -> service.health().getStatus().equals(Status.DOWN));
			String reason = String.valueOf(service.health().getDetails().get("reason"));
			assertThat(reason).startsWith("Kafka authentication failed: TLS handshake failed (security protocol SSL; "
					+ "check Kafka.SslCaLocation, Kafka.SslEndpointIdentificationAlgorithm and the client certificate)")
				.contains(MISMATCH);
			long publishing = System.nanoTime();
			IntegrationEventPublishException failure = catchThrowableOfType(IntegrationEventPublishException.class,
					() -> service.publisher().publishAndWait(new PaymentRecorded("account-1", 1, System.nanoTime())));
			long refusedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - publishing);
			assertThat(failure).isNotNull();
			assertThat(Causes.of(failure)).contains("SSL handshake failed");
			refused = "`https`: startup with provisioning stops on \"SSL handshake failed ... " + MISMATCH
					+ "\"; without provisioning health DOWN \"" + reason.substring(0, reason.indexOf('(')).strip()
					+ "\" and a publish refused after " + refusedAfter + " ms";
		}
		testNanos += System.nanoTime() - started;
	}

	@Test
	@Order(2)
	void noneAcceptsTheCertificateAndCarriesEventsToTheHandler() {
		long started = System.nanoTime();
		DeliveryLedger ledger = new DeliveryLedger();
		try (LedgerService service = LedgerService.start(tls("None"), ledger)) {
			service.warmUp();
			for (int i = 0; i < 20; i++) {
				service.publish(ledger, "account-" + i, i);
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> ledger.pending() == 0 && ledger.missing().isEmpty());
			assertThat(ledger.acknowledged()).hasSize(20);
			assertThat(service.health().getStatus()).isEqualTo(Status.UP);
		}
		accepted = "20 published and handled over SSL with `none`";
		testNanos += System.nanoTime() - started;
	}

	private static Map<String, Object> tls(String endpointIdentification) {
		Map<String, Object> properties = LedgerService.defaults(broker.bootstrapServers(BrokerListener.SSL), "tls");
		properties.put("Kafka.SecurityProtocol", "Ssl");
		properties.put("Kafka.SslCaLocation", certificateDirectory.resolve("ca.pem").toString());
		properties.put("Kafka.SslEndpointIdentificationAlgorithm", endpointIdentification);
		return properties;
	}

}
