package io.momentum.kafka.topic;

/**
 * Thrown at startup when the event topics cannot be provisioned: the cluster is unreachable
 * within {@code momentum.kafka.topics.provision-timeout}, authentication fails, or a missing
 * topic cannot be created. The message says which and how to fix it.
 */
public class TopicProvisioningException extends IllegalStateException {

	/**
	 * Create an exception.
	 * @param message what failed and how to fix it
	 * @param cause the Kafka error, or {@code null}
	 */
	public TopicProvisioningException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception.
	 * @param message what failed and how to fix it
	 */
	public TopicProvisioningException(String message) {
		super(message);
	}

}
