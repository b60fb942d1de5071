package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a configuration value cannot work. Names the key as the user wrote
 * it, what is wrong and how to fix it, and never includes a secret value.
 * {@link InvalidKafkaConfigurationFailureAnalyzer} turns it into Spring Boot's "APPLICATION
 * FAILED TO START" report.
 */
public class InvalidKafkaConfigurationException extends RuntimeException {

	private final String key;

	private final String problem;

	private final String action;

	/**
	 * Create a new instance.
	 * @param key the configuration key in the form the documentation uses, for example
	 * {@code Kafka.SecurityProtocol}
	 * @param problem what is wrong with the value, without secrets
	 * @param action how to fix it
	 */
	public InvalidKafkaConfigurationException(String key, String problem, String action) {
		this(key, problem, action, null);
	}

	/**
	 * Create a new instance with a cause.
	 * @param key the configuration key in the form the documentation uses
	 * @param problem what is wrong with the value, without secrets
	 * @param action how to fix it
	 * @param cause the underlying failure, or {@code null}
	 */
	public InvalidKafkaConfigurationException(String key, String problem, String action,
			@Nullable Throwable cause) {
		super("Invalid " + key + ": " + problem + ". " + action, cause);
		this.key = key;
		this.problem = problem;
		this.action = action;
	}

	/**
	 * The configuration key at fault.
	 * @return the key, for example {@code ConnectionStrings.Messaging}
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * What is wrong with the value.
	 * @return the problem, never containing a secret
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
