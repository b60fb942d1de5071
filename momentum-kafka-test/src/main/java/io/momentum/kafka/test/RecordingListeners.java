package io.momentum.kafka.test;

import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.consuming.ConsumptionObserver;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishListener;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import io.momentum.kafka.topic.EventDescriptor;

/**
 * Feeds an {@link IntegrationEventRecorder} from the publisher's and the listener containers'
 * callbacks; a bean in every {@link MomentumKafkaTest} context, so that the recorder's own API
 * carries none of these methods.
 */
final class RecordingListeners implements PublishListener, ConsumptionObserver {

	private final IntegrationEventRecorder recorder;

	RecordingListeners(IntegrationEventRecorder recorder) {
		this.recorder = recorder;
	}

	@Override
	public void onPublishing(EventDescriptor descriptor, Object event) {
		this.recorder.publishing();
	}

	@Override
	public void onSuccess(EventDescriptor descriptor, Object event, PublishResult result) {
		this.recorder.published(event, result);
	}

	@Override
	public void onFailure(EventDescriptor descriptor, Object event, IntegrationEventPublishException failure) {
		this.recorder.publishFailed(failure);
	}

	@Override
	public void onHandled(Consumption consumption) {
		this.recorder.finished(consumption, Outcome.SUCCESS);
	}

	@Override
	public void onSkipped(Consumption consumption) {
		this.recorder.finished(consumption, Outcome.SKIPPED);
	}

}
