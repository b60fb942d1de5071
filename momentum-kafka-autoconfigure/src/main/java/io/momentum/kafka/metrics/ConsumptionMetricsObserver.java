package io.momentum.kafka.metrics;

import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.consuming.ConsumptionObserver;

/**
 * Counts handled (outcome {@code success}) and skipped (outcome {@code skipped}) records in
 * {@code kafka_messages_consumed_total}. Retried and dead-lettered records are counted by the
 * error handler.
 */
public class ConsumptionMetricsObserver implements ConsumptionObserver {

	private final IntegrationEventMetrics metrics;

	/**
	 * Create an observer that counts into the given metrics.
	 * @param metrics the integration event counters
	 */
	public ConsumptionMetricsObserver(IntegrationEventMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void onHandled(Consumption consumption) {
		count(consumption, ConsumeOutcome.SUCCESS);
	}

	@Override
	public void onSkipped(Consumption consumption) {
		count(consumption, ConsumeOutcome.SKIPPED);
	}

	private void count(Consumption consumption, ConsumeOutcome outcome) {
		this.metrics.consumed(consumption.topic(), consumption.cloudEventType(), consumption.groupId(), outcome);
	}

}
