package io.momentum.kafka.it.reliability.app;

import io.momentum.kafka.consuming.EventMetadata;

/**
 * Where {@link PaymentHandler} reports each event it handled. Every scenario registers its own.
 */
@FunctionalInterface
public interface HandledEvents {

	/**
	 * An event was handled; called on the consumer thread before the handler returns (so before its offset can be
	 * committed).
	 * @param event the event
	 * @param metadata its CloudEvents id, partition and offset
	 */
	void handled(PaymentRecorded event, EventMetadata metadata);

}
