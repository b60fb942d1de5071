/**
 * The sample service appdomain-api: the Momentum documentation's examples as a Spring Boot application.
 */
@NullMarked
package io.momentum.sample;

import org.jspecify.annotations.NullMarked;
