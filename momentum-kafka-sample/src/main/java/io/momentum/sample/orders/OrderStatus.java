package io.momentum.sample.orders;

/**
 * Where an order stands in this service.
 */
public enum OrderStatus {

	/** {@link OrderCreated} was handled. */
	CREATED,

	/** {@link OrderValidated} was handled. */
	VALIDATED

}
