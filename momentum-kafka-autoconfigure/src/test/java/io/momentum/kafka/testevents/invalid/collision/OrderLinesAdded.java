package io.momentum.kafka.testevents.invalid.collision;

import io.momentum.kafka.annotation.EventTopic;

/** Collides with {@link OrderLinesRemoved} once '.' and '_' are alike. */
@EventTopic(topic = "order.lines")
public record OrderLinesAdded(String id) {
}
