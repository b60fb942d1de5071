package io.momentum.kafka.it.metrics;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.NonRetryable;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * Four event types on one topic, one per consumed outcome.
 */
final class OrderEvents {

	private OrderEvents() {
	}

	/** The order entity. */
	record Order(UUID id) {

	}

	/** Handled at the first attempt: outcome success. */
	@EventTopic(Order.class)
	record OrderPlaced(@PartitionKey UUID orderId) {

	}

	/** Fails once, then handled: outcomes retried and success. */
	@EventTopic(Order.class)
	record OrderPriced(@PartitionKey UUID orderId) {

	}

	/** Always fails with a non-retryable exception: outcome dead_lettered. */
	@EventTopic(Order.class)
	record OrderRejected(@PartitionKey UUID orderId) {

	}

	/** No handler in this application: outcome skipped. */
	@EventTopic(Order.class)
	record OrderArchived(@PartitionKey UUID orderId) {

	}

	/** A business failure that a retry cannot fix. */
	@NonRetryable
	static class OrderRejectedException extends RuntimeException {

		OrderRejectedException(UUID orderId) {
			super("Order " + orderId + " was rejected");
		}

	}

}
