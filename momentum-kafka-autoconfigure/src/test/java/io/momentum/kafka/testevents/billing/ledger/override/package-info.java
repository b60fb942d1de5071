/**
 * A nearer {@code @DefaultDomain} than the one on the billing package.
 */
@DefaultDomain("ledger")
package io.momentum.kafka.testevents.billing.ledger.override;

import io.momentum.kafka.annotation.DefaultDomain;
