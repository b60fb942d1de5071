package io.momentum.kafka.it.roundtrip;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.it.roundtrip.RoundTripApplication.CashierHandlers;
import io.momentum.kafka.it.roundtrip.RoundTripApplication.Received;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's events reach the handlers, through a real broker, with equal records and
 * metadata, in both CloudEvents content modes. Nothing is configured by hand: the topic comes
 * from scanning, the connection from {@code ConnectionStrings.Messaging}.
 */
class RoundTripIntegrationTests {

	@Nested
	@SpringBootTest(classes = RoundTripApplication.class,
			properties = { "spring.application.name=appdomain-api",
					"momentum.kafka.consumer.auto-offset-reset=earliest" })
	@MomentumKafkaTest
	class BinaryMode extends RoundTrip {

	}

	@Nested
	@SpringBootTest(classes = RoundTripApplication.class,
			properties = { "spring.application.name=appdomain-api", "momentum.kafka.cloudevents.mode=structured",
					"momentum.kafka.consumer.auto-offset-reset=earliest" })
	@MomentumKafkaTest
	class StructuredMode extends RoundTrip {

	}

	abstract static class RoundTrip {

		@Autowired
		IntegrationEventPublisher publisher;

		@Autowired
		CashierHandlers handlers;

		@Value("${momentum.kafka.environment}")
		String environment;

		@Test
		void publishedEventsReachTheirHandlersWithEqualRecordsAndMetadata() throws Exception {
			UUID tenant = UUID.randomUUID();
			Cashier cashier = new Cashier(UUID.randomUUID(), "John Doe", "john.doe@example.com",
					Instant.parse("2024-01-15T10:30:00Z"));
			List<Object> events = List.of(new CashierCreated(tenant, cashier),
					new CashierUpdated(tenant, new Cashier(cashier.id(), "John Q. Doe", cashier.email(),
							cashier.createdDate())));
			Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			List<PublishResult> results = new ArrayList<>();
			for (Object event : events) {
				results.add(this.publisher.publish(event).get(30, TimeUnit.SECONDS));
			}

			for (int i = 0; i < events.size(); i++) {
				Received received = this.handlers.received.poll(30, TimeUnit.SECONDS);
				assertThat(received).as("event %d handled", i).isNotNull();
				PublishResult result = results.get(i);
				assertThat(received.event()).isEqualTo(events.get(i));
				assertThat(received.metadata().id()).isEqualTo(result.eventId());
				assertThat(received.metadata().type()).isEqualTo(events.get(i).getClass().getSimpleName());
				assertThat(received.metadata().source()).isEqualTo("appdomain-api");
				assertThat(received.metadata().topic())
					.isEqualTo(this.environment + ".appdomain.public.cashiers")
					.isEqualTo(result.topic());
				assertThat(received.metadata().partition()).isEqualTo(result.partition());
				assertThat(received.metadata().offset()).isEqualTo(result.offset());
				assertThat(received.metadata().key()).isEqualTo(tenant.toString()).isEqualTo(result.key());
				assertThat(received.metadata().time()).isNotNull();
				assertThat(received.metadata().time().toInstant()).isBetween(before, Instant.now());
			}
			assertThat(this.handlers.received.poll(200, TimeUnit.MILLISECONDS)).isNull();
		}

		@Test
		void subjectTemplateAndPartitionKeyExtensionTravelWithTheEvent() throws Exception {
			UUID tenant = UUID.randomUUID();
			this.publisher.publish(new CashierCreated(tenant, new Cashier(UUID.randomUUID(), "Ann", "ann@example.com",
					Instant.parse("2024-01-15T10:30:00Z"))))
				.get(30, TimeUnit.SECONDS);
			Received received = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				Received next = this.handlers.received.poll(1, TimeUnit.SECONDS);
				if (next != null && next.metadata().key().equals(tenant.toString())) {
					received = next;
					break;
				}
			}
			assertThat(received).isNotNull();
			assertThat(received.metadata().subject()).isEqualTo("tenant/" + tenant);
			assertThat(received.metadata().extensions()).containsEntry("partitionkey", tenant.toString());
		}

	}

}
