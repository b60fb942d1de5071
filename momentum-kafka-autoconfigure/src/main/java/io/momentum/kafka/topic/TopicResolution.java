package io.momentum.kafka.topic;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of resolving the topic of one event type: a topic name, or the reason there is
 * none. Failures are values so that every broken event type can be reported at once.
 *
 * @param eventType the event type
 * @param topic the topic name, or {@code null} when resolution failed
 * @param problem why resolution failed, naming the rule and the fix, or {@code null}
 */
public record TopicResolution(Class<?> eventType, @Nullable TopicName topic, @Nullable String problem) {

	public TopicResolution {
		if ((topic == null) == (problem == null)) {
			throw new IllegalArgumentException("Exactly one of 'topic' and 'problem' must be given");
		}
	}

	/**
	 * A successful resolution.
	 * @param eventType the event type
	 * @param topic its topic
	 * @return the resolution
	 */
	public static TopicResolution of(Class<?> eventType, TopicName topic) {
		return new TopicResolution(eventType, topic, null);
	}

	/**
	 * A failed resolution.
	 * @param eventType the event type
	 * @param problem why no topic could be resolved
	 * @return the resolution
	 */
	public static TopicResolution failed(Class<?> eventType, String problem) {
		return new TopicResolution(eventType, null, problem);
	}

	/**
	 * Whether a topic was resolved.
	 * @return {@code true} when {@link #topic()} is not {@code null}
	 */
	public boolean isResolved() {
		return this.topic != null;
	}

	/**
	 * The topic, failing with the problem when there is none.
	 * @return the topic
	 * @throws IllegalStateException naming the event type and the problem
	 */
	public TopicName requireTopic() {
		if (this.topic == null) {
			throw new IllegalStateException(this.eventType.getName() + ": " + this.problem);
		}
		return this.topic;
	}

}
