package io.momentum.sample.cashiers;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cashier, as the seed's examples carry it in their events.
 *
 * @param id the cashier's id
 * @param name the name
 * @param email the e-mail address, if known
 * @param createdDate when the cashier was created
 */
public record Cashier(UUID id, String name, @Nullable String email, Instant createdDate) {

}
