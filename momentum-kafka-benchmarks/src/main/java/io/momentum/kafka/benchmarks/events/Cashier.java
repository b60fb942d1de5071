package io.momentum.kafka.benchmarks.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The cashier entity of the Momentum documentation.
 *
 * @param id the cashier id
 * @param name the name
 * @param email the e-mail address
 * @param createdDate when the cashier was created
 */
public record Cashier(UUID id, String name, String email, Instant createdDate) {
}
