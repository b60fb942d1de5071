package io.momentum.kafka.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one integration event type; the Java form of
 * a Momentum (Wolverine) message handler.
 * <p>
 * The method takes the event, a type annotated with {@link EventTopic}, and optionally a second
 * parameter of type {@code io.momentum.kafka.consuming.EventMetadata} (CloudEvents attributes and
 * Kafka coordinates). It returns {@code void}, or a {@code CompletionStage} that is awaited
 * before the record's offset is committed. The topic comes from the event type; the consumer
 * group is the application's.
 *
 * <pre class="code">
 * &#64;Component
 * class CashierHandlers {
 *
 *     &#64;IntegrationEventHandler
 *     void on(CashierCreated event, EventMetadata metadata) {
 *         // ...
 *     }
 *
 * }
 * </pre>
 * One application has at most one handler per event type.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
public @interface IntegrationEventHandler {

}
