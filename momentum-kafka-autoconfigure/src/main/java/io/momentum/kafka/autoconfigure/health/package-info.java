/**
 * Auto-configuration of the Kafka health indicator.
 */
@NullMarked
package io.momentum.kafka.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
