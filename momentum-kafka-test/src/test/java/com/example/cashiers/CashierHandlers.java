package com.example.cashiers;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.publishing.IntegrationEventPublisher;

import org.springframework.stereotype.Component;

/**
 * Keeps the cashiers it was told about and welcomes each new one with an event of its own, published without
 * waiting for the broker.
 */
@Component
public class CashierHandlers implements CashierHandler {

	/** The name of a cashier whose creation always fails. */
	public static final String POISON = "poison";

	private final IntegrationEventPublisher publisher;

	private final Map<UUID, Cashier> cashiers = new ConcurrentHashMap<>();

	private final Map<UUID, UUID> welcomed = new ConcurrentHashMap<>();

	CashierHandlers(IntegrationEventPublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public void on(CashierCreated event) {
		if (POISON.equals(event.cashier().name())) {
			throw new IllegalStateException("Cashier " + event.cashier().id() + " cannot be created");
		}
		this.cashiers.put(event.cashier().id(), event.cashier());
		this.publisher.publish(new CashierWelcomed(event.tenantId(), event.cashier().id()));
	}

	@IntegrationEventHandler
	void on(CashierWelcomed event) {
		this.welcomed.put(event.cashierId(), event.tenantId());
	}

	public boolean knows(UUID cashierId) {
		return this.cashiers.containsKey(cashierId);
	}

	public boolean welcomed(UUID cashierId) {
		return this.welcomed.containsKey(cashierId);
	}

}
