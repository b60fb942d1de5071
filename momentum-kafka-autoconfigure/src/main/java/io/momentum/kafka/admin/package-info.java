/**
 * The one long-lived Kafka admin client through which health and metrics read the cluster.
 */
@NullMarked
package io.momentum.kafka.admin;

import org.jspecify.annotations.NullMarked;
