package io.momentum.kafka.topic;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The immutable catalog of the application's integration event types: for each, its topic,
 * dead-letter topic, key extractor and CloudEvents type. Built once at startup; publishing,
 * consuming, health and metrics all read it and nothing else recomputes names.
 */
public final class EventCatalog {

	private final Map<Class<?>, EventDescriptor> byType;

	private final Map<String, List<EventDescriptor>> byTopic;

	/**
	 * Create a catalog of the given descriptors.
	 * @param descriptors the event descriptors, one per event type
	 */
	public EventCatalog(Collection<EventDescriptor> descriptors) {
		Map<Class<?>, EventDescriptor> types = new LinkedHashMap<>();
		for (EventDescriptor descriptor : descriptors) {
			if (types.putIfAbsent(descriptor.eventType(), descriptor) != null) {
				throw new IllegalArgumentException("Event type " + descriptor.eventType().getName() + " is listed twice");
			}
		}
		this.byType = Collections.unmodifiableMap(types);
		this.byTopic = types.values()
			.stream()
			.collect(Collectors.groupingBy(EventDescriptor::topic, LinkedHashMap::new,
					Collectors.collectingAndThen(Collectors.toList(), List::copyOf)));
	}

	/**
	 * All event descriptors, in discovery order.
	 * @return the descriptors
	 */
	public Collection<EventDescriptor> events() {
		return this.byType.values();
	}

	/**
	 * The descriptor of an event type.
	 * @param eventType the event class
	 * @return the descriptor, or empty when the class is not a known event type
	 */
	public Optional<EventDescriptor> find(Class<?> eventType) {
		return Optional.ofNullable(this.byType.get(eventType));
	}

	/**
	 * The descriptor of an event type, failing clearly when there is none.
	 * @param eventType the event class
	 * @return the descriptor
	 * @throws IllegalArgumentException naming the class and the annotation to add
	 */
	public EventDescriptor require(Class<?> eventType) {
		EventDescriptor descriptor = this.byType.get(eventType);
		if (descriptor == null) {
			throw new IllegalArgumentException(eventType.getName() + " is not an integration event: annotate it with "
					+ "@io.momentum.kafka.annotation.EventTopic and keep it in a scanned package "
					+ "(the @SpringBootApplication package or momentum.kafka.scan-packages)");
		}
		return descriptor;
	}

	/**
	 * The distinct event topics (without dead-letter topics).
	 * @return the topic names
	 */
	public Set<String> topics() {
		return this.byTopic.keySet();
	}

	/**
	 * The event types that travel on one topic.
	 * @param topic the topic name
	 * @return the descriptors, empty when no event type uses the topic
	 */
	public List<EventDescriptor> eventsOn(String topic) {
		return this.byTopic.getOrDefault(topic, List.of());
	}

}
