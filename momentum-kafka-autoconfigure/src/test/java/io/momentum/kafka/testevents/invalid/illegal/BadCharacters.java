package io.momentum.kafka.testevents.invalid.illegal;

import io.momentum.kafka.annotation.EventTopic;

/** A topic with a space and a slash. */
@EventTopic(topic = "order events/all")
public record BadCharacters(String id) {
}
