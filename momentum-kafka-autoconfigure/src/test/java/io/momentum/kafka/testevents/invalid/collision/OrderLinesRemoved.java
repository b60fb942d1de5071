package io.momentum.kafka.testevents.invalid.collision;

import io.momentum.kafka.annotation.EventTopic;

/** Collides with {@link OrderLinesAdded} once '.' and '_' are alike. */
@EventTopic(topic = "order_lines")
public record OrderLinesRemoved(String id) {
}
