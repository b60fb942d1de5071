package io.momentum.sample.web;

import java.util.UUID;

import io.momentum.kafka.publishing.PublishResult;

/**
 * The answer to a request that published an event: the entity's id and where the broker wrote the
 * event. The read model shows the change once the event's handler has run.
 *
 * @param id the id of the cashier, invoice or order
 * @param event where the event was written
 */
public record Accepted(UUID id, PublishResult event) {

}
