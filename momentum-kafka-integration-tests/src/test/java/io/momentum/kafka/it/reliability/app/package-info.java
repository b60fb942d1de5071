/**
 * The service under test in the reliability suite.
 */
@NullMarked
package io.momentum.kafka.it.reliability.app;

import org.jspecify.annotations.NullMarked;
