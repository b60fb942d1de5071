package io.momentum.sample.orders;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.sample.web.Accepted;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static io.momentum.sample.web.RequestFields.check;
import static io.momentum.sample.web.RequestFields.required;

/**
 * Orders over HTTP: {@code POST} places an order by publishing {@link OrderCreated}; the read model
 * shows it {@code CREATED}, then {@code VALIDATED} once the internal event went round.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

	private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

	private final IntegrationEventPublisher publisher;

	private final OrderReadModel orders;

	OrderController(IntegrationEventPublisher publisher, OrderReadModel orders) {
		this.publisher = publisher;
		this.orders = orders;
	}

	@PostMapping
	CompletableFuture<ResponseEntity<Accepted>> create(@RequestBody OrderRequest request) {
		List<OrderLine> lines = required(request.lines(), "lines");
		check(!lines.isEmpty(), "'lines' must not be empty");
		for (OrderLine line : lines) {
			required(line.product(), "lines[].product");
			required(line.unitPrice(), "lines[].unitPrice");
			check(line.quantity() > 0, "'lines[].quantity' must be positive");
		}
		BigDecimal total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		Order order = new Order(UUID.randomUUID(), List.copyOf(lines), total, Instant.now());
		OrderCreated event = new OrderCreated(required(request.tenantId(), "tenantId"),
				required(request.customerId(), "customerId"), order);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(order.id());
		logger.info("Publishing OrderCreated for order {}", order.id());
		return this.publisher.publish(event)
			.thenApply((result) -> ResponseEntity.accepted().location(location).body(new Accepted(order.id(), result)));
	}

	@GetMapping
	List<OrderView> all() {
		return this.orders.all();
	}

	@GetMapping("/{id}")
	ResponseEntity<OrderView> one(@PathVariable UUID id) {
		return ResponseEntity.of(this.orders.find(id));
	}

	/**
	 * The body of a new order.
	 *
	 * @param tenantId the tenant
	 * @param customerId the customer
	 * @param lines what is ordered
	 */
	record OrderRequest(@Nullable UUID tenantId, @Nullable UUID customerId, @Nullable List<OrderLine> lines) {

	}

}
