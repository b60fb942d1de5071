/**
 * Partition keys: extraction of the record key from an event.
 */
@NullMarked
package io.momentum.kafka.partitioning;

import org.jspecify.annotations.NullMarked;
