package io.momentum.kafka.cloudevents;

import java.util.ArrayList;
import java.util.List;

import io.momentum.kafka.partitioning.EventProperties;
import io.momentum.kafka.partitioning.EventProperty;
import io.momentum.kafka.partitioning.InvariantFormat;

/**
 * A {@link SubjectTemplate} compiled from {@code @EventTopic(subject = "tenant/{tenantId}")}:
 * literal text with {@code {name}} placeholders that name record components (or getters and
 * fields of a class). Values are rendered by {@link InvariantFormat}, like partition keys.
 * <p>
 * Compiled once per event type; an unknown placeholder or an unbalanced brace fails
 * {@link #compile(Class, String)}, so the mistake surfaces at startup.
 */
public final class PropertySubjectTemplate implements SubjectTemplate {

	private final Class<?> eventType;

	private final String template;

	private final List<Object> parts;

	private PropertySubjectTemplate(Class<?> eventType, String template, List<Object> parts) {
		this.eventType = eventType;
		this.template = template;
		this.parts = parts;
	}

	/**
	 * Compile a template for an event type.
	 * @param eventType the event type
	 * @param template the template, for example {@code tenant/{tenantId}}
	 * @return the compiled template
	 * @throws IllegalArgumentException naming the event type and the placeholder when a
	 * placeholder is unknown, empty or unclosed
	 */
	public static PropertySubjectTemplate compile(Class<?> eventType, String template) {
		List<Object> parts = new ArrayList<>();
		int position = 0;
		while (position < template.length()) {
			int open = template.indexOf('{', position);
			int close = template.indexOf('}', position);
			if (close >= 0 && (open < 0 || close < open)) {
				throw problem(eventType, template, "has a '}' without '{' at index " + close);
			}
			if (open < 0) {
				parts.add(template.substring(position));
				break;
			}
			if (open > position) {
				parts.add(template.substring(position, open));
			}
			if (close < 0) {
				throw problem(eventType, template, "has a '{' without '}' at index " + open);
			}
			String name = template.substring(open + 1, close).trim();
			if (name.isEmpty() || name.indexOf('{') >= 0) {
				throw problem(eventType, template, "has an empty or nested placeholder at index " + open);
			}
			EventProperty property = EventProperties.find(eventType, name);
			if (property == null) {
				throw problem(eventType, template, "names the unknown placeholder '{" + name
						+ "}'. Placeholders must name a record component or property of the event: "
						+ EventProperties.names(eventType));
			}
			if (!InvariantFormat.isRenderable(property.type())) {
				throw problem(eventType, template, "names '{" + name + "}', a " + property.type().getName()
						+ " without its own toString(), so equal events would not get equal subjects. Use a String, "
						+ "UUID, number, enum or java.time value, or implement toString()");
			}
			parts.add(property);
			position = close + 1;
		}
		return new PropertySubjectTemplate(eventType, template, List.copyOf(parts));
	}

	private static IllegalArgumentException problem(Class<?> eventType, String template, String reason) {
		return new IllegalArgumentException(
				"@EventTopic(subject = \"" + template + "\") on " + eventType.getName() + " " + reason);
	}

	/**
	 * {@inheritDoc}
	 * @throws IllegalArgumentException naming the event type and placeholder when a placeholder's
	 * value is {@code null}
	 */
	@Override
	public String render(Object event) {
		StringBuilder subject = new StringBuilder();
		for (Object part : this.parts) {
			if (part instanceof EventProperty property) {
				Object value = property.read(event);
				if (value == null) {
					throw new IllegalArgumentException("Subject placeholder '{" + property.name() + "}' of "
							+ this.eventType.getName() + " is null; the subject template is '" + this.template + "'");
				}
				subject.append(InvariantFormat.format(value));
			}
			else {
				subject.append(part);
			}
		}
		return subject.toString();
	}

	/**
	 * The template this was compiled from.
	 * @return the template
	 */
	public String getTemplate() {
		return this.template;
	}

	@Override
	public String toString() {
		return this.template;
	}

}
