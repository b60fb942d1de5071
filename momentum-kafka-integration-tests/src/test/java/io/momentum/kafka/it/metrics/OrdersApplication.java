package io.momentum.kafka.it.metrics;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.it.metrics.OrderEvents.OrderPlaced;
import io.momentum.kafka.it.metrics.OrderEvents.OrderPriced;
import io.momentum.kafka.it.metrics.OrderEvents.OrderRejected;
import io.momentum.kafka.it.metrics.OrderEvents.OrderRejectedException;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service whose handlers produce each consumed outcome.
 */
@SpringBootApplication
public class OrdersApplication {

	@Bean
	OrderHandlers orderHandlers() {
		return new OrderHandlers();
	}

	/**
	 * Handlers for three of the four order events.
	 */
	static class OrderHandlers {

		private final Set<UUID> pricedOnce = ConcurrentHashMap.newKeySet();

		@IntegrationEventHandler
		void on(OrderPlaced event) {
		}

		@IntegrationEventHandler
		void on(OrderPriced event) {
			if (this.pricedOnce.add(event.orderId())) {
				throw new IllegalStateException("Pricing service unavailable");
			}
		}

		@IntegrationEventHandler
		void on(OrderRejected event) {
			throw new OrderRejectedException(event.orderId());
		}

	}

}
