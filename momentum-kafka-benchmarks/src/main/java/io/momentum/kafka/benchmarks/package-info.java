/**
 * Benchmarks of the publisher and the consumer against hand-written kafka-clients code, on a real broker.
 */
@NullMarked
package io.momentum.kafka.benchmarks;

import org.jspecify.annotations.NullMarked;
