package io.momentum.kafka.consuming;

import java.util.List;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.momentum.kafka.cloudevents.CloudEventDataBinder;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventTypeMatcher;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.MessageListener;

/**
 * The listener of one topic's container: reads each record's CloudEvent, dispatches it by
 * CloudEvents type to the handler of its event type, and skips (and reports) records whose type
 * has no handler in this application. Unreadable records throw
 * {@link io.momentum.kafka.cloudevents.UnreadableEventException} for the container's error
 * handler. Shared by the container's consumer threads (its only state, the group id, is read once).
 */
final class IntegrationEventMessageListener implements MessageListener<byte[], byte[]> {

	private static final Log logger = LogFactory.getLog(IntegrationEventMessageListener.class);

	/** The group id of the container, read when first needed: container customizers may change it. */
	private final Supplier<String> groupIdSupplier;

	private volatile @Nullable String groupId;

	private final CloudEventTypeMatcher<Route> routes;

	private final CloudEventReader reader;

	private final CloudEventDataBinder binder;

	private final List<ConsumptionObserver> observers;

	IntegrationEventMessageListener(Supplier<String> groupId, CloudEventTypeMatcher<Route> routes,
			CloudEventReader reader, CloudEventDataBinder binder, List<ConsumptionObserver> observers) {
		this.groupIdSupplier = groupId;
		this.routes = routes;
		this.reader = reader;
		this.binder = binder;
		this.observers = List.copyOf(observers);
	}

	@Override
	public void onMessage(ConsumerRecord<byte[], byte[]> record) {
		CloudEvent event = this.reader.read(record.headers(), record.value());
		Route route = this.routes.match(event.getType());
		IntegrationEventHandlerMethod handler = (route != null) ? route.handler() : null;
		if (handler == null) {
			if (logger.isDebugEnabled()) {
				logger.debug("Skipped " + coordinates(record) + " of CloudEvents type '" + event.getType()
						+ "': no handler for it in this application");
			}
			notify(record, event, route, false);
			return;
		}
		Object payload = this.binder.bind(event, handler.getEventType());
		EventMetadata metadata = handler.acceptsMetadata() ? EventMetadata.of(event, record) : null;
		try {
			handler.invoke(payload, metadata);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IntegrationEventHandlerException(handler.toString(), ex);
		}
		notify(record, event, route, true);
	}

	private void notify(ConsumerRecord<?, ?> record, CloudEvent event, @Nullable Route route, boolean handled) {
		if (this.observers.isEmpty()) {
			return;
		}
		Consumption consumption = new Consumption(record.topic(), record.partition(), record.offset(), groupId(),
				event.getType(), (route != null) ? route.descriptor().eventType() : null);
		for (ConsumptionObserver observer : this.observers) {
			try {
				if (handled) {
					observer.onHandled(consumption);
				}
				else {
					observer.onSkipped(consumption);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("ConsumptionObserver " + observer + " failed for " + coordinates(record) + "; ignored", ex);
			}
		}
	}

	private String groupId() {
		String groupId = this.groupId;
		if (groupId == null) {
			groupId = this.groupIdSupplier.get();
			this.groupId = groupId;
		}
		return groupId;
	}

	private static String coordinates(ConsumerRecord<?, ?> record) {
		return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
	}

	/**
	 * Where records of one event type go.
	 *
	 * @param descriptor the event type's catalog entry
	 * @param handler its handler, or {@code null} when this application does not handle it
	 */
	record Route(EventDescriptor descriptor, @Nullable IntegrationEventHandlerMethod handler) {

		@Override
		public String toString() {
			return this.descriptor.eventType().getName();
		}

	}

}
