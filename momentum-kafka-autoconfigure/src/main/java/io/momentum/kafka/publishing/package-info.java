/**
 * Publishing integration events: {@link io.momentum.kafka.publishing.IntegrationEventPublisher} and its results.
 */
@NullMarked
package io.momentum.kafka.publishing;

import org.jspecify.annotations.NullMarked;
