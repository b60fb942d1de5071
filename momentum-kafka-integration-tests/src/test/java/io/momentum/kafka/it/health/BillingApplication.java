package io.momentum.kafka.it.health;

import io.momentum.kafka.annotation.IntegrationEventHandler;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service with one handler, so it has one listener container.
 */
@SpringBootApplication
public class BillingApplication {

	@Bean
	InvoiceHandler invoiceHandler() {
		return new InvoiceHandler();
	}

	/**
	 * Handles paid invoices.
	 */
	public static class InvoiceHandler {

		@IntegrationEventHandler
		public void on(InvoicePaid event) {
		}

	}

}
