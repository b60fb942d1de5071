/**
 * Invoices: the seed's InvoiceUpdated event on a custom topic of the billing domain, its REST API, handler and read model.
 */
@NullMarked
package io.momentum.sample.invoices;

import org.jspecify.annotations.NullMarked;
