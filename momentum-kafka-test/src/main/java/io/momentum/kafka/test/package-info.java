/**
 * A real Kafka broker for Spring Boot tests: {@link io.momentum.kafka.test.MomentumKafkaTest}, the
 * {@link io.momentum.kafka.test.TestKafkaBroker} it provides, and the
 * {@link io.momentum.kafka.test.IntegrationEventRecorder} to wait for and assert on integration events.
 */
@NullMarked
package io.momentum.kafka.test;

import org.jspecify.annotations.NullMarked;
