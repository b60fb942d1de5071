/**
 * Annotations and interfaces that mark integration events, their topics and partition keys; no Spring types.
 */
@NullMarked
package io.momentum.kafka.annotation;

import org.jspecify.annotations.NullMarked;
