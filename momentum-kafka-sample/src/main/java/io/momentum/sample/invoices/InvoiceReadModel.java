package io.momentum.sample.invoices;

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
 * The invoices this service has seen, built from {@link InvoiceUpdated} events (in memory). Each
 * event carries the whole invoice, so handling one twice gives the same entry.
 */
@Component
public class InvoiceReadModel {

	private final Map<UUID, InvoiceView> invoices = new ConcurrentHashMap<>();

	void updated(InvoiceUpdated event, EventReference source, Instant updatedDate) {
		Invoice invoice = event.invoice();
		this.invoices.put(invoice.id(), new InvoiceView(event.tenantId(), invoice.id(), invoice.amount(),
				invoice.currency(), invoice.status(), updatedDate, source));
	}

	/**
	 * One invoice.
	 * @param id the invoice's id
	 * @return the invoice, empty when no event about it has been handled yet
	 */
	public Optional<InvoiceView> find(UUID id) {
		return Optional.ofNullable(this.invoices.get(id));
	}

	/**
	 * All invoices, most recently updated last.
	 * @return the invoices
	 */
	public List<InvoiceView> all() {
		return this.invoices.values()
			.stream()
			.sorted(Comparator.comparing(InvoiceView::updatedDate).thenComparing(InvoiceView::id))
			.toList();
	}

}
