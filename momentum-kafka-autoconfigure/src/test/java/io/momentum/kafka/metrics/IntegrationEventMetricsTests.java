package io.momentum.kafka.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IntegrationEventMetrics}.
 */
class IntegrationEventMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final IntegrationEventMetrics metrics = new IntegrationEventMetrics(this.registry);

	@Test
	void countsProducedEventsByTopicTypeAndOutcome() {
		this.metrics.produced("dev.appdomain.public.cashiers", "CashierCreated", ProduceOutcome.SUCCESS);
		this.metrics.produced("dev.appdomain.public.cashiers", "CashierCreated", ProduceOutcome.SUCCESS);
		this.metrics.produced("dev.appdomain.public.cashiers", "CashierCreated", ProduceOutcome.FAILURE);

		assertThat(produced("CashierCreated", "success").count()).isEqualTo(2);
		assertThat(produced("CashierCreated", "failure").count()).isEqualTo(1);
	}

	@Test
	void countsConsumedEventsByTopicTypeGroupAndOutcome() {
		this.metrics.consumed("dev.appdomain.public.cashiers", "CashierCreated", "billing-api", ConsumeOutcome.RETRIED);
		this.metrics.consumed("dev.appdomain.public.cashiers", "CashierCreated", "billing-api", ConsumeOutcome.RETRIED);
		this.metrics.consumed("dev.appdomain.public.cashiers", "CashierCreated", "billing-api", ConsumeOutcome.SUCCESS);
		this.metrics.consumed("dev.appdomain.public.cashiers", "CashierDeleted", "billing-api",
				ConsumeOutcome.DEAD_LETTERED);
		this.metrics.consumed("dev.appdomain.public.cashiers", "Unknown", "billing-api", ConsumeOutcome.SKIPPED);

		assertThat(consumed("CashierCreated", "retried").count()).isEqualTo(2);
		assertThat(consumed("CashierCreated", "success").count()).isEqualTo(1);
		assertThat(consumed("CashierDeleted", "dead_lettered").count()).isEqualTo(1);
		assertThat(consumed("Unknown", "skipped").count()).isEqualTo(1);
	}

	@Test
	void outcomeTagValuesAreTheDocumentedOnes() {
		assertThat(ConsumeOutcome.values()).extracting(ConsumeOutcome::tagValue)
			.containsExactly("success", "retried", "dead_lettered", "skipped");
		assertThat(ProduceOutcome.values()).extracting(ProduceOutcome::tagValue).containsExactly("success", "failure");
	}

	@Test
	void pastTheTypeLimitFurtherTypesAreCountedAsOther() {
		for (int i = 0; i < IntegrationEventMetrics.MAX_TYPES + 50; i++) {
			this.metrics.consumed("t", "Type" + i, "g", ConsumeOutcome.SKIPPED);
		}

		assertThat(this.registry.find(KafkaMeterNames.MESSAGES_CONSUMED).counters())
			.hasSize(IntegrationEventMetrics.MAX_TYPES + 1);
		assertThat(this.registry.get(KafkaMeterNames.MESSAGES_CONSUMED)
			.tag(KafkaMeterNames.TYPE, IntegrationEventMetrics.OTHER_TYPE)
			.counter()
			.count()).isEqualTo(50);
		this.metrics.consumed("t", "Type0", "g", ConsumeOutcome.SKIPPED);
		assertThat(this.registry.get(KafkaMeterNames.MESSAGES_CONSUMED).tag(KafkaMeterNames.TYPE, "Type0").counter()
			.count()).isEqualTo(2);
	}

	private Counter produced(String type, String outcome) {
		return this.registry.get(KafkaMeterNames.MESSAGES_PRODUCED)
			.tags(KafkaMeterNames.TOPIC, "dev.appdomain.public.cashiers", KafkaMeterNames.TYPE, type,
					KafkaMeterNames.OUTCOME, outcome)
			.counter();
	}

	private Counter consumed(String type, String outcome) {
		return this.registry.get(KafkaMeterNames.MESSAGES_CONSUMED)
			.tags(KafkaMeterNames.TOPIC, "dev.appdomain.public.cashiers", KafkaMeterNames.TYPE, type,
					KafkaMeterNames.GROUP, "billing-api", KafkaMeterNames.OUTCOME, outcome)
			.counter();
	}

}
