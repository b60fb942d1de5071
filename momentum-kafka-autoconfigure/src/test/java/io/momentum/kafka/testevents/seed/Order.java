package io.momentum.kafka.testevents.seed;

import java.util.UUID;

/** The seed's Order entity. */
public record Order(UUID id, String name) {
}
