package io.momentum.kafka.publishing;

/**
 * Every test of {@link KafkaIntegrationEventPublisherTests} with the publisher that hands records
 * straight to its template's producer, as it does when the application does not observe sends.
 */
class KafkaIntegrationEventPublisherDirectSendTests extends KafkaIntegrationEventPublisherTests {

	@Override
	boolean observed() {
		return false;
	}

}
