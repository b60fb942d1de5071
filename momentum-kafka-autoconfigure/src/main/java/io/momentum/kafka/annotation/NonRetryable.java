package io.momentum.kafka.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an exception type that must not be retried: a handler that throws it sends the record
 * straight to the dead-letter topic (Momentum's {@code MoveToErrorQueue()} for business
 * exceptions). Subclasses inherit the marking.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NonRetryable {

}
