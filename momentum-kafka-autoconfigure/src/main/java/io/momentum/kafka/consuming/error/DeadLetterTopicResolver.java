package io.momentum.kafka.consuming.error;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Where a failed record is dead-lettered: the dead-letter topic of its topic's event types, as the
 * {@link EventCatalog} names it (never recomputed here), in the partition the record came from.
 * spring-kafka's {@code DeadLetterPublishingRecoverer} checks that the dead-letter topic has that
 * partition and otherwise lets the producer choose one from the record key.
 * <p>
 * A topic without integration events (a {@code @KafkaListener} on another topic) follows the same
 * naming convention: {@code {topic}.dead-letter}.
 */
public class DeadLetterTopicResolver implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

	private final Supplier<@Nullable EventCatalog> catalog;

	private final Map<String, String> deadLetterTopics = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param catalog supplies the event catalog, or {@code null} when there is none
	 */
	public DeadLetterTopicResolver(Supplier<@Nullable EventCatalog> catalog) {
		Assert.notNull(catalog, "'catalog' must not be null");
		this.catalog = catalog;
	}

	@Override
	public TopicPartition apply(ConsumerRecord<?, ?> record, Exception exception) {
		return new TopicPartition(deadLetterTopic(record.topic()), record.partition());
	}

	/**
	 * The dead-letter topic of a topic.
	 * @param topic the topic a record was read from
	 * @return its dead-letter topic
	 */
	public String deadLetterTopic(String topic) {
		return this.deadLetterTopics.computeIfAbsent(topic, this::resolve);
	}

	private String resolve(String topic) {
		EventCatalog catalog = this.catalog.get();
		List<EventDescriptor> events = (catalog != null) ? catalog.eventsOn(topic) : List.of();
		return events.isEmpty() ? topic + EventDescriptor.DEAD_LETTER_SUFFIX : events.get(0).deadLetterTopic();
	}

}
