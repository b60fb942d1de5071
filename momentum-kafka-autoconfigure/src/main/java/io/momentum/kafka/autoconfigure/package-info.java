/**
 * Auto-configuration of Momentum Kafka and its configuration properties.
 */
@NullMarked
package io.momentum.kafka.autoconfigure;

import org.jspecify.annotations.NullMarked;
