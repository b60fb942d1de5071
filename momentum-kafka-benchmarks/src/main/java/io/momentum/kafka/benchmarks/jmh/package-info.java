/**
 * JMH micro-benchmarks: encoding and decoding, partition keys, topic resolution and discovery.
 */
@NullMarked
package io.momentum.kafka.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
