/**
 * Auto-configuration of the Kafka meters.
 */
@NullMarked
package io.momentum.kafka.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
