package io.momentum.sample.cashiers;

import java.util.UUID;

import io.momentum.sample.BusinessException;

/**
 * The service refuses a cashier: the sample's way to show the dead-letter path. A
 * {@link BusinessException}, so the record is not retried.
 */
public class CashierRejectedException extends BusinessException {

	CashierRejectedException(UUID cashierId, String reason) {
		super("Cashier " + cashierId + " rejected: " + reason);
	}

}
