package io.momentum.kafka.testevents.seed;

import java.util.UUID;

/** The seed's Payment entity. */
public record Payment(UUID id, String name) {
}
