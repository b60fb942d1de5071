package io.momentum.sample.invoices;

/**
 * Where an invoice stands.
 */
public enum InvoiceStatus {

	/** Being prepared, not sent. */
	DRAFT,

	/** Sent to the customer. */
	ISSUED,

	/** Paid in full. */
	PAID,

	/** Withdrawn. */
	CANCELLED

}
