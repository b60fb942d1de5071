package io.momentum.kafka.it.roundtrip;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service that publishes and handles the cashier events of its own package, found by scanning.
 */
@SpringBootApplication
public class RoundTripApplication {

	@Bean
	CashierHandlers cashierHandlers() {
		return new CashierHandlers();
	}

	/**
	 * What a handler received.
	 *
	 * @param event the event
	 * @param metadata its CloudEvents attributes and Kafka coordinates
	 */
	public record Received(Object event, EventMetadata metadata) {

	}

	/**
	 * Handlers that record what they receive.
	 */
	public static class CashierHandlers {

		final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		@IntegrationEventHandler
		public void on(CashierCreated event, EventMetadata metadata) {
			this.received.add(new Received(event, metadata));
		}

		@IntegrationEventHandler
		public void on(CashierUpdated event, EventMetadata metadata) {
			this.received.add(new Received(event, metadata));
		}

	}

}
