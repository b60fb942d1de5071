/**
 * A real Kafka broker for Spring Boot tests: {@link io.momentum.kafka.test.MomentumKafkaTest} and the
 * {@link io.momentum.kafka.test.TestKafkaBroker} it provides.
 */
@NullMarked
package io.momentum.kafka.test;

import org.jspecify.annotations.NullMarked;
