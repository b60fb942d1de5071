package io.momentum.kafka.testevents.invalid.notopic;

import io.momentum.kafka.annotation.EventTopic;

/** Neither an entity nor a topic. */
@EventTopic
public record Nameless(String id) {
}
