package io.momentum.kafka.publishing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes integration events to Kafka as CloudEvents: the Java form of Momentum's
 * {@code IMessageBus.PublishAsync}.
 * <p>
 * The event's class must be annotated with {@link io.momentum.kafka.annotation.EventTopic}; the
 * topic, record key and CloudEvents type come from it. A returned future completes normally only
 * once the broker acknowledged the record (with Momentum's default {@code acks=all}: once every
 * in-sync replica has it), and with an {@link IntegrationEventPublishException} whenever the
 * record was not written: an event that cannot be encoded (partition key missing, JSON failure,
 * larger than {@code max.request.size}) fails before anything is sent; a broker that cannot be
 * reached fails the future after {@code delivery.timeout.ms}.
 * <p>
 * Futures complete on the Kafka producer's I/O thread: do not block in a dependent stage, use the
 * {@code *Async} variants for slow work.
 *
 * <pre class="code">
 * publisher.publish(new CashierCreated(tenantId, cashier))
 *     .thenAccept((result) -&gt; log.info("Written to {}-{}@{}", result.topic(), result.partition(), result.offset()));
 * </pre>
 */
public interface IntegrationEventPublisher {

	/**
	 * Publish one event.
	 * @param event the event, an instance of an {@code @EventTopic} type
	 * @return a future that completes when the broker acknowledged the event
	 * @throws IllegalArgumentException when the event's class is not an integration event
	 * @throws IllegalStateException when the publisher has been closed (the application context
	 * is shut down)
	 */
	default CompletableFuture<PublishResult> publish(Object event) {
		return publish(event, Map.of());
	}

	/**
	 * Publish one event with extra CloudEvents extension attributes.
	 * @param event the event, an instance of an {@code @EventTopic} type
	 * @param extensions extension attributes by name: lower-case letters and digits, not a
	 * CloudEvents context attribute and not {@code partitionkey}; values String, Integer, Boolean,
	 * URI, OffsetDateTime or byte[]
	 * @return a future that completes when the broker acknowledged the event
	 * @throws IllegalArgumentException when the event's class is not an integration event or an
	 * extension is not allowed
	 * @throws IllegalStateException when the publisher has been closed
	 */
	CompletableFuture<PublishResult> publish(Object event, Map<String, ?> extensions);

	/**
	 * Publish several events as one batch: all are encoded first, and when any of them cannot be
	 * encoded none is sent (every future fails, naming the event at fault). Otherwise all are
	 * handed to the producer together and each future reports its own event. Events with the
	 * same key are written in the order given.
	 * @param events the events, instances of {@code @EventTopic} types
	 * @return one future per event, in the order given
	 * @throws IllegalArgumentException when one of the events is not an integration event
	 * (nothing is sent)
	 * @throws IllegalStateException when the publisher has been closed
	 */
	List<CompletableFuture<PublishResult>> publishAll(Collection<?> events);

	/**
	 * Publish one event and wait for the broker's acknowledgement, at most
	 * {@code momentum.kafka.publisher.timeout}.
	 * @param event the event, an instance of an {@code @EventTopic} type
	 * @return where the event was written
	 * @throws IntegrationEventPublishException when the event was not written or not acknowledged
	 * in time (a late acknowledgement may still come: the record can be written after the wait
	 * gave up)
	 * @throws IllegalArgumentException when the event's class is not an integration event
	 * @throws IllegalStateException when the publisher has been closed
	 */
	PublishResult publishAndWait(Object event);

	/**
	 * Publish several events as one batch, as {@link #publishAll(Collection)} does, and wait for
	 * every acknowledgement, at most {@code momentum.kafka.publisher.timeout} in all.
	 * @param events the events, instances of {@code @EventTopic} types
	 * @return where each event was written, in the order given
	 * @throws IntegrationEventPublishException for the first event, in the order given, that was
	 * not written or not acknowledged in time; the failures of later events are suppressed
	 * exceptions of it
	 * @throws IllegalArgumentException when one of the events is not an integration event
	 * @throws IllegalStateException when the publisher has been closed
	 */
	List<PublishResult> publishAllAndWait(Collection<?> events);

}
