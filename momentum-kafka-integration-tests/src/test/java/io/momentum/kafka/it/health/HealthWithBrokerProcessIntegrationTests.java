package io.momentum.kafka.it.health;

import java.time.Duration;
import java.util.Map;

import io.momentum.kafka.health.KafkaHealthIndicator;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka health component follows a real broker process: UP, DOWN within the timeout after
 * the broker is SIGKILLed, UP again after it restarts, without restarting the application.
 */
class HealthWithBrokerProcessIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	@AutoClose
	private static KafkaBrokerProcess broker;

	private static ConfigurableApplicationContext context;

	@BeforeAll
	static void start() {
		broker = KafkaBrokerProcess.builder().build();
		broker.start();
		context = new SpringApplicationBuilder(BillingApplication.class).web(WebApplicationType.NONE)
			.properties(Map.of("ConnectionStrings.Messaging", broker.bootstrapServers(), "spring.application.name",
					"billing-api", "momentum.kafka.health.timeout", TIMEOUT.toMillis() + "ms"))
			.run();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void downWithinTheTimeoutWhenTheBrokerIsKilledAndUpAgainAfterItRestarts() {
		KafkaHealthIndicator health = context.getBean(KafkaHealthIndicator.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> health.health(true).getStatus().equals(Status.UP));
		Health up = health.health(true);
		assertThat(up.getDetails()).containsKeys("clusterId", "brokers");
		assertThat(up.getDetails().get("clusterId")).isEqualTo(broker.clusterId());

		broker.kill();
		long started = System.nanoTime();
		Health down = health.health(true);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
		assertThat(String.valueOf(down.getDetails().get("reason"))).contains("did not answer within 2s", "down or unreachable");

		broker.restart();
		await().atMost(Duration.ofSeconds(60)).until(() -> health.health(true).getStatus().equals(Status.UP));
	}

}
