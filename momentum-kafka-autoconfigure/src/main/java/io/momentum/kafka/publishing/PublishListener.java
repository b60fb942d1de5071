package io.momentum.kafka.publishing;

import io.momentum.kafka.topic.EventDescriptor;

/**
 * Callback on the outcome of every publish, for metrics and auditing. Beans of this type are
 * called in order, before the publish future completes, on the Kafka producer's I/O thread (or
 * on the publishing thread when the event failed before it was sent): keep them fast and
 * non-blocking. An exception thrown by a listener is logged and does not change the outcome.
 */
public interface PublishListener {

	/**
	 * Called when the broker acknowledged an event.
	 * @param descriptor the descriptor of the event's type
	 * @param event the event
	 * @param result where it was written
	 */
	default void onSuccess(EventDescriptor descriptor, Object event, PublishResult result) {
	}

	/**
	 * Called when an event was not written, or not acknowledged.
	 * @param descriptor the descriptor of the event's type
	 * @param event the event
	 * @param failure the reason, naming the event type and id
	 */
	default void onFailure(EventDescriptor descriptor, Object event, IntegrationEventPublishException failure) {
	}

}
