package io.momentum.kafka.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type as an integration event and says on which topic it travels; the Java form of
 * Momentum's {@code [EventTopic<TEntity>]}.
 * <p>
 * The topic name is {@code {env}.{domain}.{scope}.{topic}[.{version}]}: for example
 * {@code @EventTopic(Cashier.class)} on {@code CashierCreated} gives
 * {@code dev.appdomain.public.cashiers}.
 *
 * <pre class="code">
 * &#64;EventTopic(Cashier.class)
 * public record CashierCreated(&#64;PartitionKey UUID tenantId, Cashier cashier) {}
 *
 * &#64;EventTopic(value = Invoice.class, topic = "invoice-events", domain = "billing", version = "v2", pluralize = false)
 * public record InvoiceUpdated(&#64;PartitionKey UUID tenantId, Invoice invoice) {}
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventTopic {

	/**
	 * The entity the event is about; its simple name, in kebab-case and pluralised, is the topic
	 * segment unless {@link #topic()} is given. {@code Void.class} means "no entity" and then
	 * {@link #topic()} is required.
	 * @return the entity class
	 */
	Class<?> value() default Void.class;

	/**
	 * An explicit topic segment, used as written (never pluralised).
	 * @return the topic segment, or empty to derive it from {@link #value()}
	 */
	String topic() default "";

	/**
	 * The business domain; when empty, the nearest {@link DefaultDomain} on the event's package
	 * or a parent package, then {@code momentum.kafka.default-domain}, then the first segment of
	 * {@code spring.application.name}.
	 * @return the domain, or empty for the default
	 */
	String domain() default "";

	/**
	 * A schema version such as {@code v2}, appended as the last segment when not blank.
	 * @return the version, or empty for none
	 */
	String version() default "";

	/**
	 * Whether the event is internal to its service ({@code internal} scope) rather than
	 * cross-service ({@code public} scope).
	 * @return {@code true} for the internal scope
	 */
	boolean internal() default false;

	/**
	 * Whether the topic segment derived from the entity name is pluralised (Momentum's
	 * {@code ShouldPluralizeTopicName}).
	 * @return {@code false} to keep the entity name singular
	 */
	boolean pluralize() default true;

	/**
	 * Partitions for the topic when it is created; {@code -1} uses
	 * {@code momentum.kafka.topics.partitions}, else the broker default.
	 * @return the partition count, or {@code -1}
	 */
	int partitions() default -1;

	/**
	 * Replication factor for the topic when it is created; {@code -1} uses
	 * {@code momentum.kafka.topics.replication-factor}, else the broker default.
	 * @return the replication factor, or {@code -1}
	 */
	short replicationFactor() default -1;

	/**
	 * The CloudEvents {@code type} attribute; empty means the event's simple class name.
	 * @return the CloudEvents type, or empty
	 */
	String type() default "";

	/**
	 * A template for the CloudEvents {@code subject} attribute such as {@code "tenant/{tenantId}"},
	 * whose placeholders name record components (or bean properties) of the event.
	 * @return the subject template, or empty for no subject
	 */
	String subject() default "";

}
