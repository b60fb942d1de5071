package io.momentum.kafka.test;

import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.consuming.ConsumptionObserver;
import io.momentum.kafka.consuming.error.ConsumptionFailure;
import io.momentum.kafka.consuming.error.ConsumptionFailureObserver;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishListener;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import io.momentum.kafka.topic.EventDescriptor;

/**
 * Feeds an {@link IntegrationEventRecorder} from the callbacks of the publisher, the listener
 * containers and their error handler; a bean in every {@link MomentumKafkaTest} context, so that the recorder's own API
 * carries none of these methods.
 */
final class RecordingListeners implements PublishListener, ConsumptionObserver, ConsumptionFailureObserver {

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

	@Override
	public void onRetried(ConsumptionFailure failure) {
		this.recorder.failedAttempt(failure.topic(), failure.partition(), failure.offset(), failure.exception());
	}

	@Override
	public void onDeadLettered(ConsumptionFailure failure) {
		this.recorder.deadLettered(failure.topic(), failure.partition(), failure.offset(), failure.groupId(),
				failure.cloudEventType(), failure.exception());
	}

	@Override
	public void onDeadLetterFailed(ConsumptionFailure failure, Exception deadLetterFailure) {
		// The record is not committed and will be tried again: one more failed attempt, saying why.
		this.recorder.failedAttempt(failure.topic(), failure.partition(), failure.offset(), deadLetterFailure);
	}

}
