package io.momentum.kafka.cloudevents;

/**
 * Callback that adds extension attributes or headers to every published CloudEvent record, for
 * example trace context. Beans of this type are applied in {@link org.springframework.core.Ordered
 * order} to each event, on the publishing thread, so they must be fast and must not block.
 */
@FunctionalInterface
public interface CloudEventRecordCustomizer {

	/**
	 * Customize one outgoing event.
	 * @param event the event being written
	 */
	void customize(OutgoingCloudEvent event);

}
