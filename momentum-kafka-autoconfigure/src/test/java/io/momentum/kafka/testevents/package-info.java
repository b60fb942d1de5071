/**
 * Event types used as fixtures by the tests: each sub-package is one application's events.
 */
package io.momentum.kafka.testevents;
