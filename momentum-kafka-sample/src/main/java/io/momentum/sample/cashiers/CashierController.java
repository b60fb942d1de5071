package io.momentum.sample.cashiers;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import static io.momentum.sample.web.RequestFields.required;

/**
 * Cashiers over HTTP. A write publishes an event and answers {@code 202 Accepted} once the broker
 * acknowledged it; the read model shows the change when the event's handler has run.
 */
@RestController
@RequestMapping("/cashiers")
class CashierController {

	private static final Logger logger = LoggerFactory.getLogger(CashierController.class);

	private final IntegrationEventPublisher publisher;

	private final CashierReadModel cashiers;

	CashierController(IntegrationEventPublisher publisher, CashierReadModel cashiers) {
		this.publisher = publisher;
		this.cashiers = cashiers;
	}

	@PostMapping
	CompletableFuture<ResponseEntity<Accepted>> create(@RequestBody CashierRequest request) {
		Cashier cashier = new Cashier(UUID.randomUUID(), required(request.name(), "name"), request.email(),
				Instant.now());
		CashierCreated event = new CashierCreated(required(request.tenantId(), "tenantId"), cashier);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(cashier.id());
		logger.info("Publishing CashierCreated for cashier {}", cashier.id());
		return this.publisher.publish(event)
			.thenApply((result) -> ResponseEntity.accepted().location(location).body(new Accepted(cashier.id(), result)));
	}

	@PutMapping("/{id}")
	CompletableFuture<ResponseEntity<Accepted>> update(@PathVariable UUID id, @RequestBody CashierRequest request) {
		CashierView current = this.cashiers.find(id).orElse(null);
		if (current == null) {
			return CompletableFuture.completedFuture(ResponseEntity.notFound().build());
		}
		Cashier cashier = new Cashier(id, required(request.name(), "name"), request.email(), current.createdDate());
		logger.info("Publishing CashierUpdated for cashier {}", id);
		return this.publisher.publish(new CashierUpdated(current.tenantId(), cashier))
			.thenApply((result) -> ResponseEntity.accepted().body(new Accepted(id, result)));
	}

	@GetMapping
	List<CashierView> all() {
		return this.cashiers.all();
	}

	@GetMapping("/{id}")
	ResponseEntity<CashierView> one(@PathVariable UUID id) {
		return ResponseEntity.of(this.cashiers.find(id));
	}

	/**
	 * The body of a create or update; an update keeps the cashier's tenant.
	 *
	 * @param tenantId the tenant (create only)
	 * @param name the name
	 * @param email the e-mail address
	 */
	record CashierRequest(@Nullable UUID tenantId, @Nullable String name, @Nullable String email) {

	}

}
