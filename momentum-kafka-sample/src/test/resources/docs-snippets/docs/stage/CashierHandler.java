package docs.stage;

import io.momentum.kafka.annotation.IntegrationEventHandler;

/**
 * The handler interface {@code docs/testing.md} declares and mocks.
 */
public interface CashierHandler {

	@IntegrationEventHandler
	void on(CashierCreated event);

}
