/**
 * Failures while consuming: retries, non-retryable exceptions and dead-letter topics.
 */
@NullMarked
package io.momentum.kafka.consuming.error;

import org.jspecify.annotations.NullMarked;
