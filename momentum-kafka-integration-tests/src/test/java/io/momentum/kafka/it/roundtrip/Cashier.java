package io.momentum.kafka.it.roundtrip;

import java.time.Instant;
import java.util.UUID;

/**
 * The seed's cashier entity.
 */
public record Cashier(UUID id, String name, String email, Instant createdDate) {

}
