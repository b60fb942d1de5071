package io.momentum.sample.cashiers;

import java.time.Instant;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.sample.EventReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps the {@link CashierReadModel} up to date from the cashier events. With tracing on, each log
 * line carries the trace id of the request that published the event.
 */
@Component
class CashierHandlers {

	/** A cashier with this name is rejected, to show the dead-letter topic at work. */
	static final String REJECTED_NAME = "reject-me";

	private static final Logger logger = LoggerFactory.getLogger(CashierHandlers.class);

	private final CashierReadModel cashiers;

	CashierHandlers(CashierReadModel cashiers) {
		this.cashiers = cashiers;
	}

	@IntegrationEventHandler
	void on(CashierCreated event, EventMetadata metadata) {
		if (REJECTED_NAME.equalsIgnoreCase(event.cashier().name())) {
			throw new CashierRejectedException(event.cashier().id(), "the name '" + REJECTED_NAME + "' is refused");
		}
		this.cashiers.created(event, EventReference.of(metadata));
		logger.info("Cashier {} created for tenant {} ({}-{}@{})", event.cashier().id(), event.tenantId(),
				metadata.topic(), metadata.partition(), metadata.offset());
	}

	@IntegrationEventHandler
	void on(CashierUpdated event, EventMetadata metadata) {
		Instant updatedDate = (metadata.time() != null) ? metadata.time().toInstant() : Instant.now();
		this.cashiers.updated(event, EventReference.of(metadata), updatedDate);
		logger.info("Cashier {} updated for tenant {} ({}-{}@{})", event.cashier().id(), event.tenantId(),
				metadata.topic(), metadata.partition(), metadata.offset());
	}

}
