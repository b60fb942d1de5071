/**
 * Micrometer meters for produced and consumed events, consumer lag and consumer group members.
 */
@NullMarked
package io.momentum.kafka.metrics;

import org.jspecify.annotations.NullMarked;
