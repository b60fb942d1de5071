package io.momentum.kafka.testevents.seed;

import java.util.UUID;

/** The seed's Notification entity. */
public record Notification(UUID id, String name) {
}
