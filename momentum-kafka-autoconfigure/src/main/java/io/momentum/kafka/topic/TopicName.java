package io.momentum.kafka.topic;

/**
 * A Kafka topic name that Kafka accepts: only {@code [a-zA-Z0-9._-]}, at most
 * {@value #MAX_LENGTH} characters, and room for the {@code .dead-letter} suffix.
 *
 * @param value the topic name
 */
public record TopicName(String value) {

	/** Longest topic name Kafka accepts. */
	public static final int MAX_LENGTH = 249;

	/** Longest event topic name whose dead-letter topic still fits in {@link #MAX_LENGTH}. */
	public static final int MAX_EVENT_TOPIC_LENGTH = MAX_LENGTH - EventDescriptor.DEAD_LETTER_SUFFIX.length();

	public TopicName {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("topic name is empty");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!isLegal(c)) {
				throw new IllegalArgumentException("topic name '" + value + "' contains '" + c
						+ "': Kafka topic names may only contain [a-zA-Z0-9._-]");
			}
		}
		if (value.equals(".") || value.equals("..")) {
			throw new IllegalArgumentException("topic name '" + value + "' is not allowed by Kafka");
		}
		if (value.length() > MAX_EVENT_TOPIC_LENGTH) {
			throw new IllegalArgumentException("topic name '" + value + "' has " + value.length()
					+ " characters: Kafka allows " + MAX_LENGTH + ", and the '" + EventDescriptor.DEAD_LETTER_SUFFIX
					+ "' suffix of its dead-letter topic needs " + EventDescriptor.DEAD_LETTER_SUFFIX.length()
					+ " of them, so at most " + MAX_EVENT_TOPIC_LENGTH + " are left");
		}
	}

	/**
	 * The dead-letter topic of this topic, {@code {topic}.dead-letter}.
	 * @return the dead-letter topic name
	 */
	public String deadLetter() {
		return this.value + EventDescriptor.DEAD_LETTER_SUFFIX;
	}

	/**
	 * The name as Kafka compares names for collisions: {@code .} and {@code _} are the same
	 * character in metric names, so Kafka refuses a topic that differs from another only there.
	 * @return the name with every {@code .} replaced by {@code _}
	 */
	public String collisionKey() {
		return collisionKey(this.value);
	}

	static String collisionKey(String name) {
		return name.replace('.', '_');
	}

	private static boolean isLegal(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-';
	}

	@Override
	public String toString() {
		return this.value;
	}

}
