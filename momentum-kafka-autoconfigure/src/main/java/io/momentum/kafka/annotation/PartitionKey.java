package io.momentum.kafka.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component (or a field or getter of a class) as part of the event's partition
 * key. Events with equal keys go to the same partition and are handled in order.
 * <p>
 * Several components are joined with {@code |} in ascending {@link #order()}, then by name.
 * An event that implements {@link DistributedEvent} ignores these annotations.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD })
public @interface PartitionKey {

	/**
	 * Position of this component in a composite key; lower comes first.
	 * @return the order
	 */
	int order() default 0;

}
