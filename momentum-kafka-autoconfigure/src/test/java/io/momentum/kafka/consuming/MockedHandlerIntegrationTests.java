package io.momentum.kafka.consuming;

import java.time.Instant;
import java.util.UUID;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.consuming.fixtures.Cashier;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.KafkaTestSupport;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.binary;
import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * A handler bean replaced by a Mockito mock still receives the events: handlers are bound to the
 * bean instance the context holds once singletons are instantiated.
 */
@SpringBootTest(classes = MockedHandlerIntegrationTests.TestApplication.class,
		properties = { "spring.application.name=appdomain-api", "momentum.kafka.consumer.auto-offset-reset=earliest" })
@DirtiesContext
class MockedHandlerIntegrationTests {

	// Started before the context; stopped by the context (see TestApplication) after its containers.
	private static final KafkaTestSupport kafka = KafkaTestSupport.start();

	private static final String TOPIC = kafka.createTopic("dev.appdomain.public.cashiers");

	@MockitoBean
	private CashierHandler handler;

	@Autowired
	private IntegrationEventHandlerRegistry registry;

	@DynamicPropertySource
	static void kafkaProperties(DynamicPropertyRegistry registry) {
		registry.add("ConnectionStrings.Messaging", kafka::brokers);
		registry.add("spring.kafka.bootstrap-servers", kafka::brokers);
	}

	@Test
	void mockedHandlerReceivesTheEvent() {
		CashierCreated created = new CashierCreated(UUID.randomUUID(),
				new Cashier(UUID.randomUUID(), "John Doe", "john.doe@example.com", Instant.parse("2024-01-15T10:30:00Z")));
		kafka.send(binary(TOPIC, created.tenantId().toString(), event("CashierCreated", created, "s")));
		verify(this.handler, timeout(30_000)).on(eq(created), any(EventMetadata.class));
		assertThat(this.registry.find(CashierCreated.class)).hasValueSatisfying(
				(method) -> assertThat(method.getMethod().getDeclaringClass()).isEqualTo(CashierHandler.class));
	}

	static class CashierHandler {

		@IntegrationEventHandler
		public void on(CashierCreated event, EventMetadata metadata) {
			throw new IllegalStateException("The real handler must not run: the test replaced it with a mock");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
			MomentumKafkaConsumingAutoConfiguration.class })
	static class TestApplication {

		@Bean
		CashierHandler cashierHandler() {
			return new CashierHandler();
		}

		// The catalog is built by hand: the topics auto-configuration builds the real one.
		@Bean
		EventCatalog eventCatalog() {
			return TestCatalog.builder()
				.add(CashierCreated.class, TOPIC, "tenantId", (event) -> event.tenantId().toString())
				.build();
		}

		// Destroyed after the listener containers have stopped (they are stopped as lifecycle beans
		// before any bean is destroyed), so that the consumers leave a running broker.
		@Bean(destroyMethod = "close")
		KafkaTestSupport kafka() {
			return kafka;
		}

	}

}
