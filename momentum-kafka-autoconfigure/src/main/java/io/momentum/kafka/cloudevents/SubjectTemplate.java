package io.momentum.kafka.cloudevents;

/**
 * Renders the CloudEvents {@code subject} attribute of one event type from its
 * {@code @EventTopic(subject = "tenant/{tenantId}")} template. Built once per event type.
 */
@FunctionalInterface
public interface SubjectTemplate {

	/**
	 * Render the subject for the given event.
	 * @param event an instance of the event type this template was built for
	 * @return the subject
	 */
	String render(Object event);

}
