package io.momentum.sample.orders;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.momentum.sample.EventReference;

import org.springframework.stereotype.Component;

/**
 * The orders this service has seen (in memory). Safe for events delivered more than once: a
 * repeated {@link OrderCreated} does not move a validated order back.
 */
@Component
public class OrderReadModel {

	private final Map<UUID, OrderView> orders = new ConcurrentHashMap<>();

	void created(OrderCreated event, EventReference source) {
		Order order = event.order();
		this.orders.putIfAbsent(order.id(), new OrderView(event.tenantId(), event.customerId(), order.id(),
				order.lines(), order.total(), order.createdDate(), OrderStatus.CREATED, source));
	}

	/**
	 * Marks an order validated.
	 * @param event the event
	 * @param source where the event was read
	 * @return whether the order was known
	 */
	boolean validated(OrderValidated event, EventReference source) {
		return this.orders.computeIfPresent(event.orderId(), (id, order) -> order.validated(source)) != null;
	}

	/**
	 * One order.
	 * @param id the order's id
	 * @return the order, empty when no event about it has been handled yet
	 */
	public Optional<OrderView> find(UUID id) {
		return Optional.ofNullable(this.orders.get(id));
	}

	/**
	 * All orders, oldest first.
	 * @return the orders
	 */
	public List<OrderView> all() {
		return this.orders.values()
			.stream()
			.sorted(Comparator.comparing(OrderView::createdDate).thenComparing(OrderView::id))
			.toList();
	}

}
