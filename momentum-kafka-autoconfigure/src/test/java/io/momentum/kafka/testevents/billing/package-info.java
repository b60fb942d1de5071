/**
 * Billing events: the package declares the default domain.
 */
@DefaultDomain("billing")
package io.momentum.kafka.testevents.billing;

import io.momentum.kafka.annotation.DefaultDomain;
