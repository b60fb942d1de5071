/**
 * The events the benchmarks publish and consume: the Momentum documentation's {@code CashierCreated}.
 */
@NullMarked
package io.momentum.kafka.benchmarks.events;

import org.jspecify.annotations.NullMarked;
