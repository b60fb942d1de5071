/**
 * Cashiers: the seed's CashierCreated and CashierUpdated events, their REST API, handlers and read model.
 */
@NullMarked
package io.momentum.sample.cashiers;

import org.jspecify.annotations.NullMarked;
