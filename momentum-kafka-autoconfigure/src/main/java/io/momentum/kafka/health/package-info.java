/**
 * The Actuator health indicator for the Kafka cluster, the event topics and the listener containers.
 */
@NullMarked
package io.momentum.kafka.health;

import org.jspecify.annotations.NullMarked;
