package io.momentum.kafka.test.broker;

/**
 * Thrown when a broker process exits during start-up or does not become ready within its start timeout. The message
 * names the node, the reason and ends with the last lines of the broker's log.
 */
public class KafkaBrokerStartException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	KafkaBrokerStartException(String message) {
		super(message);
	}

}
