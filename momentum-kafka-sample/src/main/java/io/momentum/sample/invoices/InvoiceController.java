package io.momentum.sample.invoices;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.momentum.sample.web.RequestFields.check;
import static io.momentum.sample.web.RequestFields.required;

/**
 * Invoices over HTTP: {@code PUT} creates or replaces an invoice by publishing
 * {@link InvoiceUpdated}, and answers {@code 202 Accepted} once the broker acknowledged it.
 */
@RestController
@RequestMapping("/invoices")
class InvoiceController {

	private static final Logger logger = LoggerFactory.getLogger(InvoiceController.class);

	private final IntegrationEventPublisher publisher;

	private final InvoiceReadModel invoices;

	InvoiceController(IntegrationEventPublisher publisher, InvoiceReadModel invoices) {
		this.publisher = publisher;
		this.invoices = invoices;
	}

	@PutMapping("/{id}")
	CompletableFuture<ResponseEntity<Accepted>> update(@PathVariable UUID id, @RequestBody InvoiceRequest request) {
		BigDecimal amount = required(request.amount(), "amount");
		check(amount.signum() >= 0, "'amount' must not be negative");
		String currency = required(request.currency(), "currency");
		check(currency.matches("[A-Z]{3}"), "'currency' must be an ISO 4217 code such as EUR");
		InvoiceStatus status = (request.status() != null) ? request.status() : InvoiceStatus.DRAFT;
		InvoiceUpdated event = new InvoiceUpdated(required(request.tenantId(), "tenantId"),
				new Invoice(id, amount, currency, status));
		logger.info("Publishing InvoiceUpdated for invoice {}", id);
		return this.publisher.publish(event).thenApply((result) -> ResponseEntity.accepted().body(new Accepted(id, result)));
	}

	@GetMapping
	List<InvoiceView> all() {
		return this.invoices.all();
	}

	@GetMapping("/{id}")
	ResponseEntity<InvoiceView> one(@PathVariable UUID id) {
		return ResponseEntity.of(this.invoices.find(id));
	}

	/**
	 * The body of an update.
	 *
	 * @param tenantId the tenant
	 * @param amount the amount due
	 * @param currency the ISO 4217 currency code
	 * @param status where the invoice stands, {@code DRAFT} when absent
	 */
	record InvoiceRequest(@Nullable UUID tenantId, @Nullable BigDecimal amount, @Nullable String currency,
			@Nullable InvoiceStatus status) {

	}

}
