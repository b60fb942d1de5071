package io.momentum.kafka.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The business domain of every event in the annotated package and its sub-packages that does not
 * name one in {@link EventTopic#domain()}; the Java form of Momentum's assembly-level default
 * domain. Put it in {@code package-info.java}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface DefaultDomain {

	/**
	 * The domain, for example {@code billing}.
	 * @return the domain
	 */
	String value();

}
