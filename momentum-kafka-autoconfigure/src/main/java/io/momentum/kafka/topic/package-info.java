/**
 * Topic names by Momentum's convention, discovery of event types, the event catalog and topic provisioning.
 */
@NullMarked
package io.momentum.kafka.topic;

import org.jspecify.annotations.NullMarked;
