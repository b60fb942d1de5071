package io.momentum.kafka.publishing;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.autoconfigure.MomentumKafkaPublishingAutoConfiguration;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing when the broker cannot be reached: the future fails, saying so, once the producer's
 * timeouts (shortened here) have passed; nothing is silently dropped.
 */
class PublishingBrokerDownIntegrationTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private final CashierCreated event = new CashierCreated(UUID.randomUUID(),
			new Cashier(UUID.randomUUID(), "John Doe", "john.doe@example.com", Instant.now()));

	@Test
	void brokerThatWasNeverReachableFailsThePublishAfterMaxBlock() throws IOException {
		String nobody = "127.0.0.1:" + freePort();
		runner(nobody).run((context) -> {
			CompletableFuture<PublishResult> future = context.getBean(IntegrationEventPublisher.class)
				.publish(this.event);
			assertThat(future).failsWithin(Duration.ofSeconds(10))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(IntegrationEventPublishException.class)
				.withMessageContaining(CashierCreated.class.getName())
				.withMessageContaining("was not sent: the broker could not be reached, or the topic does not exist, "
						+ "within max.block.ms")
				.withMessageContaining("bootstrap.servers=[" + nobody + "]")
				.withMessageContaining("max.block.ms=1000 ms");
		});
	}

	@Test
	void brokerThatGoesAwayFailsThePublishAfterDeliveryTimeout() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		// Spring Kafka would otherwise leave spring.kafka.bootstrap-servers set JVM-wide for later test classes
		broker.brokerListProperty("momentum.test.embedded-brokers");
		broker.afterPropertiesSet();
		try {
			broker.addTopics(new NewTopic(TOPIC, 1, (short) 1));
			runner(broker.getBrokersAsString()).run((context) -> {
				IntegrationEventPublisher publisher = context.getBean(IntegrationEventPublisher.class);
				assertThat(publisher.publish(this.event).get(10, TimeUnit.SECONDS).offset()).isZero();
				broker.destroy();
				CompletableFuture<PublishResult> future = publisher.publish(this.event);
				assertThat(future).failsWithin(Duration.ofSeconds(15))
					.withThrowableThat()
					.havingCause()
					.isInstanceOf(IntegrationEventPublishException.class)
					.withMessageContaining(CashierCreated.class.getName())
					// Once the broker is gone the producer may also have dropped the topic's metadata, and then
					// the send fails in max.block.ms instead of delivery.timeout.ms: both say why.
					.withMessageContaining("the broker could not be reached")
					.withMessageContaining("delivery.timeout.ms=2000 ms")
					.withCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
			});
		}
		finally {
			broker.destroy();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * A runner with the event catalog registered by hand until
	 * {@code MomentumKafkaTopicsAutoConfiguration} is merged, and spring.kafka.bootstrap-servers
	 * set by hand until the connection auto-configuration is merged.
	 */
	private static ApplicationContextRunner runner(String bootstrapServers) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaPublishingAutoConfiguration.class))
			.withBean(EventCatalog.class, TestEventCatalogs::catalog)
			.withPropertyValues("ConnectionStrings.Messaging=" + bootstrapServers,
					"spring.kafka.bootstrap-servers=" + bootstrapServers, "spring.application.name=appdomain-api",
					"spring.kafka.producer.properties.max.block.ms=1000",
					"spring.kafka.producer.properties.request.timeout.ms=1000",
					"spring.kafka.producer.properties.delivery.timeout.ms=2000",
					"spring.kafka.producer.properties.reconnect.backoff.max.ms=200");
	}

}
