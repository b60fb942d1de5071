package io.momentum.kafka.consuming.error;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.fixtures.Cashier;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.error.TestFailures.BusinessException;
import io.momentum.kafka.consuming.error.TestFailures.CheckedBusinessException;
import io.momentum.kafka.consuming.error.TestFailures.InvoiceRejectedException;
import io.momentum.kafka.consuming.error.TestFailures.ListedException;
import io.momentum.kafka.consuming.error.TestFailures.ListedSubclassException;
import io.momentum.kafka.consuming.error.TestFailures.TransientException;

/**
 * A handler whose behaviour for each event is chosen by the cashier's name: {@code ok},
 * {@code fail-twice}, {@code always}, {@code business}, {@code business-subclass},
 * {@code business-as-cause}, {@code checked-business}, {@code listed}, {@code listed-subclass}.
 * It counts the attempts per event and lists the events it handled, in order.
 */
class ScriptedHandler {

	final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

	final List<CashierCreated> handled = new CopyOnWriteArrayList<>();

	@IntegrationEventHandler
	void on(CashierCreated event) throws CheckedBusinessException {
		int attempt = this.attempts.computeIfAbsent(event.cashier().id(), (id) -> new AtomicInteger()).incrementAndGet();
		switch (event.cashier().name()) {
			case "ok" -> {
			}
			case "fail-twice" -> {
				if (attempt <= 2) {
					throw new TransientException("downstream unavailable, attempt " + attempt);
				}
			}
			case "always" -> throw new TransientException("downstream unavailable, attempt " + attempt);
			case "business" -> throw new BusinessException("cashier rejected");
			case "business-subclass" -> throw new InvoiceRejectedException("invoice rejected");
			case "business-as-cause" -> throw new IllegalStateException("wrapped", new BusinessException("inner"));
			case "checked-business" -> throw new CheckedBusinessException("checked rejection");
			case "listed" -> throw new ListedException("listed failure");
			case "listed-subclass" -> throw new ListedSubclassException("listed subclass failure");
			default -> throw new IllegalArgumentException("No script " + event.cashier().name());
		}
		this.handled.add(event);
	}

	/**
	 * An event that makes this handler follow the given script.
	 */
	static CashierCreated event(String script) {
		UUID id = UUID.randomUUID();
		return new CashierCreated(UUID.randomUUID(),
				new Cashier(id, script, id + "@example.com", Instant.parse("2024-01-15T10:30:00Z")));
	}

	int attempts(CashierCreated event) {
		AtomicInteger attempts = this.attempts.get(event.cashier().id());
		return (attempts != null) ? attempts.get() : 0;
	}

}
