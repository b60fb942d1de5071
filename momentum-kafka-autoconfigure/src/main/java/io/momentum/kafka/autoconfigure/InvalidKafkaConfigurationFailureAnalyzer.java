package io.momentum.kafka.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an {@link InvalidKafkaConfigurationException} as a startup failure that names the key
 * and the fix.
 */
class InvalidKafkaConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidKafkaConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidKafkaConfigurationException cause) {
		String description = "Invalid Kafka configuration in '" + cause.getKey() + "': " + cause.getProblem() + ".";
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}
