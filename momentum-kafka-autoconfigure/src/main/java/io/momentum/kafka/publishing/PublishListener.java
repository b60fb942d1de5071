package io.momentum.kafka.publishing;

import io.momentum.kafka.topic.EventDescriptor;

/**
 * Callback on the outcome of every publish, for metrics and auditing. Beans of this type are
 * called in order, before the publish future completes, on the Kafka producer's I/O thread (or
 * on the publishing thread when the event failed before it was sent): keep them fast and
 * non-blocking. An exception thrown by a listener is logged and does not change the outcome.
 * <p>
 * Every event that reaches {@link #onPublishing} is then reported exactly once, to
 * {@link #onSuccess} or {@link #onFailure}; so a listener can count the publishes in flight.
 */
public interface PublishListener {

	/**
	 * Called on the publishing thread when an event of a known type is about to be encoded and
	 * sent, before the publish method returns. Followed by exactly one {@link #onSuccess} or
	 * {@link #onFailure} for the same event. Events rejected before this point (not an
	 * integration event, publisher closed) are reported nowhere: the caller gets the exception.
	 * @param descriptor the descriptor of the event's type
	 * @param event the event
	 */
	default void onPublishing(EventDescriptor descriptor, Object event) {
	}

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
