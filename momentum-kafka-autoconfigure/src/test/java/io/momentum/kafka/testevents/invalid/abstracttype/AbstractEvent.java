package io.momentum.kafka.testevents.invalid.abstracttype;

import io.momentum.kafka.annotation.EventTopic;

/** The annotation belongs on the concrete event. */
@EventTopic(topic = "abstract")
public abstract class AbstractEvent {

}
