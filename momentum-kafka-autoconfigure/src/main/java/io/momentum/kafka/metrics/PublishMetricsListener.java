package io.momentum.kafka.metrics;

import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishListener;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.topic.EventDescriptor;

/**
 * Counts every publish in {@code kafka_messages_produced_total} once the broker acknowledged it
 * (outcome {@code success}) or it failed (outcome {@code failure}).
 */
public class PublishMetricsListener implements PublishListener {

	private final IntegrationEventMetrics metrics;

	/**
	 * Create a listener that counts into the given metrics.
	 * @param metrics the integration event counters
	 */
	public PublishMetricsListener(IntegrationEventMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void onSuccess(EventDescriptor descriptor, Object event, PublishResult result) {
		this.metrics.produced(descriptor.topic(), descriptor.cloudEventType(), ProduceOutcome.SUCCESS);
	}

	@Override
	public void onFailure(EventDescriptor descriptor, Object event, IntegrationEventPublishException failure) {
		this.metrics.produced(descriptor.topic(), descriptor.cloudEventType(), ProduceOutcome.FAILURE);
	}

}
