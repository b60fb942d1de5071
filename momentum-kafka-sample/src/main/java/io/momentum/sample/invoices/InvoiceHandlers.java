package io.momentum.sample.invoices;

import java.time.Instant;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.sample.EventReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps the {@link InvoiceReadModel} up to date.
 */
@Component
class InvoiceHandlers {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceHandlers.class);

	private final InvoiceReadModel invoices;

	InvoiceHandlers(InvoiceReadModel invoices) {
		this.invoices = invoices;
	}

	@IntegrationEventHandler
	void on(InvoiceUpdated event, EventMetadata metadata) {
		Instant updatedDate = (metadata.time() != null) ? metadata.time().toInstant() : Instant.now();
		this.invoices.updated(event, EventReference.of(metadata), updatedDate);
		logger.info("Invoice {} is {} for tenant {} ({}-{}@{})", event.invoice().id(), event.invoice().status(),
				event.tenantId(), metadata.topic(), metadata.partition(), metadata.offset());
	}

}
