package io.momentum.kafka.topic;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.cloudevents.PropertySubjectTemplate;
import io.momentum.kafka.cloudevents.SubjectTemplate;
import io.momentum.kafka.partitioning.PartitionKeyExtractor;
import io.momentum.kafka.partitioning.PartitionKeyExtractors;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Builds the {@link EventCatalog} from event types: resolves each topic, dead-letter topic,
 * partition-key extractor, subject template, CloudEvents type and requested partitions and
 * replication factor, then checks the catalog as a whole. Every problem is collected and reported
 * in one {@link EventCatalogException}, so a user fixes them all in one go.
 */
public class EventCatalogFactory {

	private final TopicNameResolver topicNameResolver;

	private final @Nullable Integer defaultPartitions;

	private final @Nullable Short defaultReplicationFactor;

	/**
	 * Create a factory.
	 * @param topicNameResolver resolves topic names
	 * @param defaultPartitions partitions of topics whose {@code @EventTopic} sets none
	 * ({@code momentum.kafka.topics.partitions}), or {@code null} for the broker default
	 * @param defaultReplicationFactor replication factor of topics whose {@code @EventTopic} sets
	 * none ({@code momentum.kafka.topics.replication-factor}), or {@code null} for the broker
	 * default
	 */
	public EventCatalogFactory(TopicNameResolver topicNameResolver, @Nullable Integer defaultPartitions,
			@Nullable Short defaultReplicationFactor) {
		if (defaultPartitions != null && defaultPartitions < 1) {
			throw new IllegalArgumentException(
					"momentum.kafka.topics.partitions must be at least 1 but is " + defaultPartitions);
		}
		if (defaultReplicationFactor != null && defaultReplicationFactor < 1) {
			throw new IllegalArgumentException(
					"momentum.kafka.topics.replication-factor must be at least 1 but is " + defaultReplicationFactor);
		}
		this.topicNameResolver = topicNameResolver;
		this.defaultPartitions = defaultPartitions;
		this.defaultReplicationFactor = defaultReplicationFactor;
	}

	/**
	 * Build the catalog of the given event types.
	 * @param eventTypes types annotated with {@link EventTopic}
	 * @return the catalog
	 * @throws EventCatalogException listing every problem found
	 */
	public EventCatalog create(Collection<Class<?>> eventTypes) {
		List<String> problems = new ArrayList<>();
		List<EventDescriptor> descriptors = new ArrayList<>(eventTypes.size());
		for (Class<?> eventType : eventTypes) {
			EventDescriptor descriptor = describe(eventType, problems);
			if (descriptor != null) {
				descriptors.add(descriptor);
			}
		}
		checkCollisions(descriptors, problems);
		Map<String, Integer> partitions = topicSettings(descriptors, EventDescriptor::partitions, "partitions",
				problems);
		Map<String, Short> replicationFactors = topicSettings(descriptors, EventDescriptor::replicationFactor,
				"replicationFactor", problems);
		if (!problems.isEmpty()) {
			throw new EventCatalogException(problems);
		}
		return new EventCatalog(descriptors.stream()
			.map((descriptor) -> new EventDescriptor(descriptor.eventType(), descriptor.topic(),
					descriptor.deadLetterTopic(), descriptor.cloudEventType(), descriptor.partitionKey(),
					descriptor.subject(), orDefault(partitions.get(descriptor.topic()), this.defaultPartitions),
					orDefault(replicationFactors.get(descriptor.topic()), this.defaultReplicationFactor)))
			.toList());
	}

	private static <T> @Nullable T orDefault(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	private @Nullable EventDescriptor describe(Class<?> eventType, List<String> problems) {
		String name = eventType.getName();
		EventTopic eventTopic = eventType.getAnnotation(EventTopic.class);
		if (eventTopic == null) {
			problems.add(name + ": is not annotated with @EventTopic");
			return null;
		}
		if (eventType.isInterface() || Modifier.isAbstract(eventType.getModifiers())) {
			problems.add(name + ": @EventTopic is on an interface or abstract class; put it on the concrete event "
					+ "record that is published");
			return null;
		}
		if (eventType.isAnonymousClass() || eventType.isLocalClass()
				|| (eventType.isMemberClass() && !Modifier.isStatic(eventType.getModifiers()))) {
			problems.add(name + ": @EventTopic is on an inner, local or anonymous class; make it a top-level or "
					+ "static nested record or class");
			return null;
		}
		int problemCount = problems.size();
		TopicResolution resolution = this.topicNameResolver.resolve(eventType, eventTopic);
		if (!resolution.isResolved()) {
			problems.add(name + ": " + resolution.problem());
		}
		PartitionKeyExtractor partitionKey = null;
		try {
			partitionKey = PartitionKeyExtractors.forType(eventType);
		}
		catch (IllegalArgumentException ex) {
			problems.add(name + ": " + ex.getMessage());
		}
		SubjectTemplate subject = null;
		if (StringUtils.hasText(eventTopic.subject())) {
			try {
				subject = PropertySubjectTemplate.compile(eventType, eventTopic.subject());
			}
			catch (IllegalArgumentException ex) {
				problems.add(name + ": " + ex.getMessage());
			}
		}
		Integer partitions = (eventTopic.partitions() != -1) ? Integer.valueOf(eventTopic.partitions()) : null;
		if (eventTopic.partitions() != -1 && eventTopic.partitions() < 1) {
			problems.add(name + ": @EventTopic(partitions = " + eventTopic.partitions()
					+ ") must be at least 1, or -1 for momentum.kafka.topics.partitions or the broker default");
		}
		Short replicationFactor = (eventTopic.replicationFactor() != -1)
				? Short.valueOf(eventTopic.replicationFactor()) : null;
		if (eventTopic.replicationFactor() != -1 && eventTopic.replicationFactor() < 1) {
			problems.add(name + ": @EventTopic(replicationFactor = " + eventTopic.replicationFactor()
					+ ") must be at least 1, or -1 for momentum.kafka.topics.replication-factor or the broker default");
		}
		if (problems.size() > problemCount) {
			return null;
		}
		TopicName topic = resolution.requireTopic();
		return new EventDescriptor(eventType, topic.value(), topic.deadLetter(), cloudEventType(eventType, eventTopic),
				Objects.requireNonNull(partitionKey), subject, partitions, replicationFactor);
	}

	/**
	 * The CloudEvents type of an event type: {@code @EventTopic(type = ...)}, else its simple name.
	 * @param eventType the event class
	 * @param eventTopic its annotation
	 * @return the CloudEvents type
	 */
	public static String cloudEventType(Class<?> eventType, EventTopic eventTopic) {
		return StringUtils.hasText(eventTopic.type()) ? eventTopic.type().trim() : eventType.getSimpleName();
	}

	/**
	 * Kafka refuses two topics whose names differ only by {@code .} versus {@code _}; an event
	 * topic must not be another event's dead-letter topic either.
	 */
	private static void checkCollisions(List<EventDescriptor> descriptors, List<String> problems) {
		Map<String, TopicUse> uses = new LinkedHashMap<>();
		for (EventDescriptor descriptor : descriptors) {
			checkCollision(uses, new TopicUse(descriptor.topic(), descriptor.eventType(), false), problems);
			checkCollision(uses, new TopicUse(descriptor.deadLetterTopic(), descriptor.eventType(), true), problems);
		}
	}

	private static void checkCollision(Map<String, TopicUse> uses, TopicUse use, List<String> problems) {
		TopicUse existing = uses.putIfAbsent(TopicName.collisionKey(use.topic()), use);
		if (existing == null) {
			return;
		}
		if (!existing.topic().equals(use.topic())) {
			problems.add(use.eventType().getName() + ": its " + use.kind() + " '" + use.topic() + "' collides with the "
					+ existing.kind() + " '" + existing.topic() + "' of " + existing.eventType().getName()
					+ ": Kafka treats '.' and '_' alike in topic names. Rename one of them");
		}
		else if (existing.deadLetter() != use.deadLetter()) {
			problems.add(use.eventType().getName() + ": its " + use.kind() + " '" + use.topic() + "' is also the "
					+ existing.kind() + " of " + existing.eventType().getName() + ". Rename one of them");
		}
	}

	/**
	 * The partitions or replication factor each topic asks for in its {@code @EventTopic}
	 * annotations; event types sharing a topic must not ask for different values.
	 */
	private static <T> Map<String, T> topicSettings(List<EventDescriptor> descriptors,
			Function<EventDescriptor, @Nullable T> setting, String attribute, List<String> problems) {
		Map<String, T> values = new LinkedHashMap<>();
		Map<String, Class<?>> owners = new LinkedHashMap<>();
		for (EventDescriptor descriptor : descriptors) {
			T value = setting.apply(descriptor);
			if (value == null) {
				continue;
			}
			T other = values.putIfAbsent(descriptor.topic(), value);
			owners.putIfAbsent(descriptor.topic(), descriptor.eventType());
			if (other != null && !other.equals(value)) {
				problems.add(descriptor.eventType().getName() + ": @EventTopic(" + attribute + " = " + value
						+ ") differs from " + attribute + " = " + other + " on "
						+ owners.get(descriptor.topic()).getName() + ", which shares the topic '" + descriptor.topic()
						+ "'. Set the same value on both, or on one of them only");
			}
		}
		return values;
	}

	private record TopicUse(String topic, Class<?> eventType, boolean deadLetter) {

		String kind() {
			return this.deadLetter ? "dead-letter topic" : "topic";
		}

	}

}
