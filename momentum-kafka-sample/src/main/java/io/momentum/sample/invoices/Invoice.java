package io.momentum.sample.invoices;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An invoice of the billing domain.
 *
 * @param id the invoice's id
 * @param amount the amount due
 * @param currency the ISO 4217 currency code
 * @param status where the invoice stands
 */
public record Invoice(UUID id, BigDecimal amount, String currency, InvoiceStatus status) {

}
