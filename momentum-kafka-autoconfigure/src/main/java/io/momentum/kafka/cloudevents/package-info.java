/**
 * CloudEvents 1.0 over the Kafka protocol binding: encoding and decoding of integration events.
 */
@NullMarked
package io.momentum.kafka.cloudevents;

import org.jspecify.annotations.NullMarked;
