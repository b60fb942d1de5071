package io.momentum.kafka.benchmarks.events;

import java.util.UUID;

/**
 * The order entity of the Momentum documentation.
 *
 * @param id the order id
 * @param totalCents the order total
 */
public record Order(UUID id, long totalCents) {
}
