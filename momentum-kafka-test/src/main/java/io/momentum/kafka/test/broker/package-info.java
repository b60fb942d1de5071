/**
 * Real Kafka brokers as separate JVMs for failure and security tests: one broker or a KRaft cluster that can be
 * stopped, killed and restarted, with SASL and TLS listeners.
 */
@NullMarked
package io.momentum.kafka.test.broker;

import org.jspecify.annotations.NullMarked;
