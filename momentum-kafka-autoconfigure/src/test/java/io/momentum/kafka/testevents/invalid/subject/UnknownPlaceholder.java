package io.momentum.kafka.testevents.invalid.subject;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;

/** The subject names a component the record does not have. */
@EventTopic(topic = "subjects", subject = "tenant/{tenant}")
public record UnknownPlaceholder(UUID tenantId) {
}
