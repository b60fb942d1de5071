package io.momentum.sample.cashiers;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.momentum.sample.EventReference;

import org.springframework.stereotype.Component;

/**
 * The cashiers this service has seen, built from their events only (in memory, so it starts
 * empty). Safe for events delivered more than once, as Kafka may: a repeated
 * {@link CashierCreated} does not undo later updates.
 */
@Component
public class CashierReadModel {

	private final Map<UUID, CashierView> cashiers = new ConcurrentHashMap<>();

	void created(CashierCreated event, EventReference source) {
		Cashier cashier = event.cashier();
		this.cashiers.putIfAbsent(cashier.id(), new CashierView(event.tenantId(), cashier.id(), cashier.name(),
				cashier.email(), cashier.createdDate(), null, source));
	}

	void updated(CashierUpdated event, EventReference source, Instant updatedDate) {
		Cashier cashier = event.cashier();
		this.cashiers.put(cashier.id(), new CashierView(event.tenantId(), cashier.id(), cashier.name(),
				cashier.email(), cashier.createdDate(), updatedDate, source));
	}

	/**
	 * One cashier.
	 * @param id the cashier's id
	 * @return the cashier, empty when no event about it has been handled yet
	 */
	public Optional<CashierView> find(UUID id) {
		return Optional.ofNullable(this.cashiers.get(id));
	}

	/**
	 * All cashiers, oldest first.
	 * @return the cashiers
	 */
	public List<CashierView> all() {
		return this.cashiers.values()
			.stream()
			.sorted(Comparator.comparing(CashierView::createdDate).thenComparing(CashierView::id))
			.toList();
	}

}
