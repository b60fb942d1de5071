package io.momentum.kafka.testevents.seed;

import java.util.UUID;

/** The seed's Invoice entity. */
public record Invoice(UUID id, String name) {
}
