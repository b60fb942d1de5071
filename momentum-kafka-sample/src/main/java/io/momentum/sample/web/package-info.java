/**
 * What the REST controllers share: the answer to a publish and the mapping of failures to HTTP responses.
 */
@NullMarked
package io.momentum.sample.web;

import org.jspecify.annotations.NullMarked;
