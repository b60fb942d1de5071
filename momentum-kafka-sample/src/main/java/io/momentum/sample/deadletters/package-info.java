/**
 * A read-only view of the dead-letter topics, to watch rejected events arrive.
 */
@NullMarked
package io.momentum.sample.deadletters;

import org.jspecify.annotations.NullMarked;
