/**
 * Consuming integration events: handler discovery, dispatch by event type and listener containers.
 */
@NullMarked
package io.momentum.kafka.consuming;

import org.jspecify.annotations.NullMarked;
