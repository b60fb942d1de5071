package io.momentum.kafka.testevents.seed;

import java.util.UUID;

/** The seed's Cashier entity. */
public record Cashier(UUID id, String name) {
}
