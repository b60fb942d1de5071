package io.momentum.sample.orders;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.sample.EventReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Keeps the {@link OrderReadModel} up to date, and checks each new order on the internal topic: a
 * public event leads to an internal one.
 */
@Component
class OrderHandlers {

	private static final Logger logger = LoggerFactory.getLogger(OrderHandlers.class);

	private final OrderReadModel orders;

	private final IntegrationEventPublisher publisher;

	OrderHandlers(OrderReadModel orders, IntegrationEventPublisher publisher) {
		this.orders = orders;
		this.publisher = publisher;
	}

	/**
	 * Records the order and publishes {@link OrderValidated} when its total adds up. Returning the
	 * publish's stage makes the container wait for the broker's acknowledgement before it commits
	 * the offset of the {@code OrderCreated} record: the internal event cannot be lost.
	 * @param event the event
	 * @param metadata where it was read
	 * @return the publish of the internal event
	 */
	@IntegrationEventHandler
	CompletionStage<Void> on(OrderCreated event, EventMetadata metadata) {
		this.orders.created(event, EventReference.of(metadata));
		logger.info("Order {} created for customer {} of tenant {} ({}-{}@{}, key {})", event.order().id(),
				event.customerId(), event.tenantId(), metadata.topic(), metadata.partition(), metadata.offset(),
				metadata.key());
		Order order = event.order();
		BigDecimal sum = order.lines().stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (order.lines().isEmpty() || sum.compareTo(order.total()) != 0) {
			logger.warn("Order {} is not validated: its total {} is not the sum of its lines {}", order.id(),
					order.total(), sum);
			return CompletableFuture.completedFuture(null);
		}
		return this.publisher.publish(new OrderValidated(event.tenantId(), order.id())).thenAccept((result) -> {
		});
	}

	@IntegrationEventHandler
	void on(OrderValidated event, EventMetadata metadata) {
		if (this.orders.validated(event, EventReference.of(metadata))) {
			logger.info("Order {} validated ({}-{}@{})", event.orderId(), metadata.topic(), metadata.partition(),
					metadata.offset());
		}
		else {
			logger.warn("Order {} validated but not known here; ignored", event.orderId());
		}
	}

}
