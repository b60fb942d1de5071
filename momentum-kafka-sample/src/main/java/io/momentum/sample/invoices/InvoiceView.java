package io.momentum.sample.invoices;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.momentum.sample.EventReference;

/**
 * An invoice as the read model holds it.
 *
 * @param tenantId the tenant
 * @param id the invoice's id
 * @param amount the amount due
 * @param currency the currency code
 * @param status where the invoice stands
 * @param updatedDate when the event that last changed it was published
 * @param lastEvent the event that last changed this entry
 */
public record InvoiceView(UUID tenantId, UUID id, BigDecimal amount, String currency, InvoiceStatus status,
		Instant updatedDate, EventReference lastEvent) {

}
