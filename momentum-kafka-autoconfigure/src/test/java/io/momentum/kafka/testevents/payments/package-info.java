/**
 * A package with a {@code @DefaultDomain} and no classes: only its sub-packages hold events.
 */
@DefaultDomain("payments")
package io.momentum.kafka.testevents.payments;

import io.momentum.kafka.annotation.DefaultDomain;
