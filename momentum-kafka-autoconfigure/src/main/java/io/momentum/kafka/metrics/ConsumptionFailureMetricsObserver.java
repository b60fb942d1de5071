package io.momentum.kafka.metrics;

import io.momentum.kafka.consuming.error.ConsumptionFailure;
import io.momentum.kafka.consuming.error.ConsumptionFailureObserver;

/**
 * Counts retried (outcome {@code retried}) and dead-lettered (outcome {@code dead_lettered})
 * records in {@code kafka_messages_consumed_total}, as reported by the integration event error
 * handler. A record that cannot be read has no CloudEvents type: it is counted with type
 * {@value #UNKNOWN_TYPE}. A failed attempt to dead-letter is not an outcome (the record is tried
 * again and ends as one of the others): it is logged, not counted here.
 */
public class ConsumptionFailureMetricsObserver implements ConsumptionFailureObserver {

	/** The {@code type} tag of records that are not readable CloudEvents. */
	public static final String UNKNOWN_TYPE = "unknown";

	private final IntegrationEventMetrics metrics;

	/**
	 * Create an observer that counts into the given metrics.
	 * @param metrics the integration event counters
	 */
	public ConsumptionFailureMetricsObserver(IntegrationEventMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void onRetried(ConsumptionFailure failure) {
		count(failure, ConsumeOutcome.RETRIED);
	}

	@Override
	public void onDeadLettered(ConsumptionFailure failure) {
		count(failure, ConsumeOutcome.DEAD_LETTERED);
	}

	private void count(ConsumptionFailure failure, ConsumeOutcome outcome) {
		String type = (failure.cloudEventType() != null) ? failure.cloudEventType() : UNKNOWN_TYPE;
		String group = (failure.groupId() != null) ? failure.groupId() : "";
		this.metrics.consumed(failure.topic(), type, group, outcome);
	}

}
