package io.momentum.kafka.testevents.seed;

import java.util.UUID;

/** The seed's User entity. */
public record User(UUID id, String name) {
}
