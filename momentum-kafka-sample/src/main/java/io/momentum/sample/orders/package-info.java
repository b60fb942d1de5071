/**
 * Orders: an event with two partition keys and an internal event, their REST API, handlers and read model.
 */
@NullMarked
package io.momentum.sample.orders;

import org.jspecify.annotations.NullMarked;
