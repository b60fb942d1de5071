package io.momentum.kafka.it.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.momentum.kafka.it.metrics.OrderEvents.OrderArchived;
import io.momentum.kafka.it.metrics.OrderEvents.OrderPlaced;
import io.momentum.kafka.it.metrics.OrderEvents.OrderPriced;
import io.momentum.kafka.it.metrics.OrderEvents.OrderRejected;
import io.momentum.kafka.metrics.KafkaMeterNames;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's {@code kafka_messages_produced_total} and {@code kafka_messages_consumed_total}
 * count exactly what happened to published events, per outcome, through a real broker.
 */
@SpringBootTest(classes = OrdersApplication.class,
		properties = { "spring.application.name=orders-api", "momentum.kafka.consumer.auto-offset-reset=earliest",
				"momentum.kafka.retry.initial-interval=10ms", "momentum.kafka.retry.max-interval=50ms" })
@MomentumKafkaTest
class IntegrationEventCountersIntegrationTests {

	@Autowired
	IntegrationEventPublisher publisher;

	@Autowired
	MeterRegistry meters;

	@Value("${momentum.kafka.environment}.orders.public.orders")
	String topic;

	@Value("${momentum.kafka.consumer.group-id}")
	String group;

	@Test
	void countersEqualWhatHappenedToEachPublishedEvent() throws Exception {
		List<Object> events = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			events.add(new OrderPlaced(UUID.randomUUID()));
		}
		for (int i = 0; i < 10; i++) {
			events.add(new OrderPriced(UUID.randomUUID()));
			events.add(new OrderRejected(UUID.randomUUID()));
		}
		for (int i = 0; i < 5; i++) {
			events.add(new OrderArchived(UUID.randomUUID()));
		}
		List<CompletableFuture<PublishResult>> results = this.publisher.publishAll(events);
		CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(consumed("OrderPlaced", "success")).isEqualTo(100);
			assertThat(consumed("OrderPriced", "retried")).isEqualTo(10);
			assertThat(consumed("OrderPriced", "success")).isEqualTo(10);
			assertThat(consumed("OrderRejected", "dead_lettered")).isEqualTo(10);
			assertThat(consumed("OrderArchived", "skipped")).isEqualTo(5);
		});
		assertThat(produced("OrderPlaced", "success")).isEqualTo(100);
		assertThat(produced("OrderPriced", "success")).isEqualTo(10);
		assertThat(produced("OrderRejected", "success")).isEqualTo(10);
		assertThat(produced("OrderArchived", "success")).isEqualTo(5);
		assertThat(consumed("OrderRejected", "retried")).isZero();
		assertThat(consumed("OrderRejected", "success")).isZero();
		assertThat(consumed("OrderPlaced", "retried")).isZero();
	}

	private double produced(String type, String outcome) {
		Counter counter = this.meters.find(KafkaMeterNames.MESSAGES_PRODUCED)
			.tags(KafkaMeterNames.TOPIC, this.topic, KafkaMeterNames.TYPE, type, KafkaMeterNames.OUTCOME, outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double consumed(String type, String outcome) {
		Counter counter = this.meters.find(KafkaMeterNames.MESSAGES_CONSUMED)
			.tags(KafkaMeterNames.TOPIC, this.topic, KafkaMeterNames.TYPE, type, KafkaMeterNames.GROUP, this.group,
					KafkaMeterNames.OUTCOME, outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

}
