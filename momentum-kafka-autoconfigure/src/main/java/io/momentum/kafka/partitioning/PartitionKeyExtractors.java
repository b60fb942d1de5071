package io.momentum.kafka.partitioning;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.momentum.kafka.annotation.DistributedEvent;
import io.momentum.kafka.annotation.PartitionKey;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link PartitionKeyExtractor} of an event type, once, at startup:
 * <ol>
 * <li>an event implementing {@link DistributedEvent} is keyed by its
 * {@link DistributedEvent#partitionKey() partitionKey()} (its {@link PartitionKey} annotations
 * are ignored);</li>
 * <li>else by its {@link PartitionKey} components ordered by ({@link PartitionKey#order()},
 * name), each rendered by {@link InvariantFormat} and joined with {@value #SEPARATOR};</li>
 * <li>else it has no key: {@link PartitionKeyExtractor#extract(Object)} returns {@code null}
 * and the publisher uses the event id.</li>
 * </ol>
 */
public final class PartitionKeyExtractors {

	/** Separator of the components of a composite key, as in Momentum's .NET code. */
	public static final String SEPARATOR = "|";

	/** The component name reported for {@link DistributedEvent} keys. */
	public static final String DISTRIBUTED_EVENT_COMPONENT = "partitionKey()";

	private PartitionKeyExtractors() {
	}

	/**
	 * Build the extractor of an event type.
	 * @param eventType the event type
	 * @return its extractor
	 * @throws IllegalArgumentException when a {@link PartitionKey} member cannot be read or its
	 * type has no stable text form
	 */
	public static PartitionKeyExtractor forType(Class<?> eventType) {
		if (DistributedEvent.class.isAssignableFrom(eventType)) {
			return new DistributedEventKey(eventType);
		}
		Map<EventProperty, PartitionKey> annotated = EventProperties.annotated(eventType, PartitionKey.class);
		if (annotated.isEmpty()) {
			return NoKey.INSTANCE;
		}
		List<EventProperty> components = annotated.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<EventProperty, PartitionKey> entry) -> entry.getValue().order())
				.thenComparing((entry) -> entry.getKey().name()))
			.map(Map.Entry::getKey)
			.toList();
		for (EventProperty component : components) {
			if (!InvariantFormat.isRenderable(component.type())) {
				throw new IllegalArgumentException("@PartitionKey component '" + component.name() + "' of "
						+ eventType.getName() + " is a " + component.type().getName()
						+ " without its own toString(), so equal keys would not give equal record keys. Use a "
						+ "String, UUID, number, enum or java.time value, or implement toString()");
			}
		}
		return (components.size() == 1) ? new SingleComponentKey(eventType, components.get(0))
				: new CompositeKey(eventType, components);
	}

	private static String render(Class<?> eventType, EventProperty component, Object event) {
		Object value = component.read(event);
		if (value == null) {
			throw new InvalidPartitionKeyException(eventType, component.name());
		}
		String text = InvariantFormat.format(value);
		if (text.isBlank()) {
			throw new InvalidPartitionKeyException(eventType, component.name());
		}
		return text;
	}

	private static final class NoKey implements PartitionKeyExtractor {

		static final NoKey INSTANCE = new NoKey();

		@Override
		public @Nullable String extract(Object event) {
			return null;
		}

		@Override
		public List<String> components() {
			return List.of();
		}

		@Override
		public String toString() {
			return "no partition key";
		}

	}

	private record DistributedEventKey(Class<?> eventType) implements PartitionKeyExtractor {

		@Override
		public String extract(Object event) {
			String key = ((DistributedEvent) event).partitionKey();
			if (key == null || key.isBlank()) {
				throw new InvalidPartitionKeyException(this.eventType, DISTRIBUTED_EVENT_COMPONENT);
			}
			return key;
		}

		@Override
		public List<String> components() {
			return List.of(DISTRIBUTED_EVENT_COMPONENT);
		}

	}

	private record SingleComponentKey(Class<?> eventType, EventProperty component) implements PartitionKeyExtractor {

		@Override
		public String extract(Object event) {
			return render(this.eventType, this.component, event);
		}

		@Override
		public List<String> components() {
			return List.of(this.component.name());
		}

	}

	private record CompositeKey(Class<?> eventType, List<EventProperty> parts) implements PartitionKeyExtractor {

		@Override
		public String extract(Object event) {
			// Two components (the usual composite key) by concatenation, which sizes the key exactly
			// and copies each text once; more through String.join, which does the same.
			if (this.parts.size() == 2) {
				return render(this.eventType, this.parts.get(0), event) + SEPARATOR
						+ render(this.eventType, this.parts.get(1), event);
			}
			String[] texts = new String[this.parts.size()];
			for (int i = 0; i < texts.length; i++) {
				texts[i] = render(this.eventType, this.parts.get(i), event);
			}
			return String.join(SEPARATOR, texts);
		}

		@Override
		public List<String> components() {
			return this.parts.stream().map(EventProperty::name).toList();
		}

	}

}
