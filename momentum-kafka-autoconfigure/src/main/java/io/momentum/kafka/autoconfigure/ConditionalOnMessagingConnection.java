package io.momentum.kafka.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code ConnectionStrings.Messaging} is set (in any of its relaxed forms), the key
 * whose presence switches Momentum Kafka on.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Conditional(OnMessagingConnectionCondition.class)
public @interface ConditionalOnMessagingConnection {

}
