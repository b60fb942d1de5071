package io.momentum.kafka.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.consuming.error.ConsumptionFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumptionFailureMetricsObserverTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ConsumptionFailureMetricsObserver observer = new ConsumptionFailureMetricsObserver(
			new IntegrationEventMetrics(this.registry));

	@Test
	void retriesAndDeadLettersAreConsumedOutcomes() {
		ConsumptionFailure failure = new ConsumptionFailure("dev.appdomain.public.cashiers", 1, 7, "billing-api",
				"CashierCreated", new IllegalStateException("down"), 1);
		this.observer.onRetried(failure);
		this.observer.onRetried(failure);
		this.observer.onDeadLettered(failure);
		this.observer.onDeadLetterFailed(failure, new IllegalStateException("dead-letter topic missing"));
		assertThat(count("CashierCreated", "retried")).isEqualTo(2);
		assertThat(count("CashierCreated", "dead_lettered")).isEqualTo(1);
		assertThat(this.registry.find(KafkaMeterNames.MESSAGES_CONSUMED).counters()).hasSize(2);
	}

	@Test
	void unreadableRecordsAreCountedWithUnknownType() {
		this.observer.onDeadLettered(new ConsumptionFailure("dev.appdomain.public.cashiers", 1, 8, "billing-api", null,
				new UnreadableEventException("not a CloudEvent"), 1));
		assertThat(count("unknown", "dead_lettered")).isEqualTo(1);
	}

	private double count(String type, String outcome) {
		return this.registry.get(KafkaMeterNames.MESSAGES_CONSUMED)
			.tag(KafkaMeterNames.TOPIC, "dev.appdomain.public.cashiers")
			.tag(KafkaMeterNames.TYPE, type)
			.tag(KafkaMeterNames.GROUP, "billing-api")
			.tag(KafkaMeterNames.OUTCOME, outcome)
			.counter()
			.count();
	}

}
