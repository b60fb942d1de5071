package io.momentum.kafka.topic;

import io.momentum.kafka.cloudevents.SubjectTemplate;
import io.momentum.kafka.partitioning.PartitionKeyExtractor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Everything the library knows about one integration event type, resolved once at startup.
 *
 * @param eventType the event class
 * @param topic the full topic name, for example {@code dev.appdomain.public.cashiers}
 * @param deadLetterTopic the dead-letter topic, {@code {topic}.dead-letter}
 * @param cloudEventType the CloudEvents {@code type} attribute written for this event
 * @param partitionKey the record-key extractor
 * @param subject the CloudEvents {@code subject} template, or {@code null} when the event has none
 * @param partitions partitions requested for the topic, or {@code null} for the default
 * @param replicationFactor replication factor requested for the topic, or {@code null} for the
 * default
 */
public record EventDescriptor(Class<?> eventType, String topic, String deadLetterTopic, String cloudEventType,
		PartitionKeyExtractor partitionKey, @Nullable SubjectTemplate subject, @Nullable Integer partitions,
		@Nullable Short replicationFactor) {

	/** Suffix of a dead-letter topic name. */
	public static final String DEAD_LETTER_SUFFIX = ".dead-letter";

	public EventDescriptor {
		Assert.notNull(eventType, "'eventType' must not be null");
		Assert.hasText(topic, "'topic' must not be empty");
		Assert.hasText(deadLetterTopic, "'deadLetterTopic' must not be empty");
		Assert.hasText(cloudEventType, "'cloudEventType' must not be empty");
		Assert.notNull(partitionKey, "'partitionKey' must not be null");
	}

}
