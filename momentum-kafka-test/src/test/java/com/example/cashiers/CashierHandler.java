package com.example.cashiers;

import io.momentum.kafka.annotation.IntegrationEventHandler;

/**
 * The seed's {@code ICashierHandler}. The annotation is on the interface, so a {@code @MockitoBean CashierHandler}
 * (a mock of the interface) is still a handler.
 */
public interface CashierHandler {

	@IntegrationEventHandler
	void on(CashierCreated event);

}
