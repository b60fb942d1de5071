package io.momentum.kafka.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.momentum.kafka.annotation.DefaultDomain;
import io.momentum.kafka.annotation.EventTopic;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Resolves the topic of an event type by Momentum's convention,
 * {@code {env}.{domain}.{scope}.{topic}[.{version}]}, all lower-case.
 * <p>
 * Precedence of each segment:
 * <ul>
 * <li>domain: {@link EventTopic#domain()}, else the nearest {@link DefaultDomain} on the event's
 * package or a parent package, else {@code momentum.kafka.default-domain}, else the first segment
 * of {@code spring.application.name} split on {@code -}, {@code .} or {@code _};</li>
 * <li>scope: {@code internal} when {@link EventTopic#internal()}, else {@code public};</li>
 * <li>topic: {@link EventTopic#topic()} as written, else the entity's simple name in kebab-case,
 * pluralised unless {@link EventTopic#pluralize()} is {@code false};</li>
 * <li>version: {@link EventTopic#version()}, appended only when not blank.</li>
 * </ul>
 * Failures come back as {@link TopicResolution#problem() problems}, never as exceptions.
 */
public class TopicNameResolver {

	/** Scope segment of events that cross service boundaries. */
	public static final String PUBLIC_SCOPE = "public";

	/** Scope segment of events internal to their service. */
	public static final String INTERNAL_SCOPE = "internal";

	private final EnvironmentName environment;

	private final @Nullable String defaultDomain;

	private final @Nullable String applicationName;

	private final Map<String, Optional<String>> packageDomains = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param environment the environment segment
	 * @param defaultDomain {@code momentum.kafka.default-domain}, or {@code null}
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 */
	public TopicNameResolver(EnvironmentName environment, @Nullable String defaultDomain,
			@Nullable String applicationName) {
		this.environment = environment;
		this.defaultDomain = defaultDomain;
		this.applicationName = applicationName;
	}

	/**
	 * The environment segment this resolver uses.
	 * @return the environment segment
	 */
	public EnvironmentName getEnvironment() {
		return this.environment;
	}

	/**
	 * Resolve the topic of an event type annotated with {@link EventTopic}.
	 * @param eventType the event type
	 * @return the topic, or the problem that prevents one
	 */
	public TopicResolution resolve(Class<?> eventType) {
		EventTopic eventTopic = eventType.getAnnotation(EventTopic.class);
		if (eventTopic == null) {
			return TopicResolution.failed(eventType, "is not annotated with @EventTopic");
		}
		return resolve(eventType, eventTopic);
	}

	/**
	 * Resolve the topic of an event type from its annotation.
	 * @param eventType the event type
	 * @param eventTopic its annotation
	 * @return the topic, or the problem that prevents one
	 */
	public TopicResolution resolve(Class<?> eventType, EventTopic eventTopic) {
		String domain = resolveDomain(eventType, eventTopic);
		if (domain == null) {
			return TopicResolution.failed(eventType, "no domain for its topic name. Set one of: "
					+ "@EventTopic(domain = \"...\") on the event, @DefaultDomain(\"...\") in the package-info.java of "
					+ "its package or a parent package, momentum.kafka.default-domain, or spring.application.name "
					+ "(its first segment is the domain: 'appdomain-api' gives 'appdomain')");
		}
		String topic = resolveTopicSegment(eventTopic);
		if (topic == null) {
			return TopicResolution.failed(eventType, "@EventTopic names neither an entity class nor a topic: "
					+ "use @EventTopic(Entity.class) or @EventTopic(topic = \"...\")");
		}
		List<String> segments = new ArrayList<>(5);
		segments.add(this.environment.value());
		segments.add(domain);
		segments.add(eventTopic.internal() ? INTERNAL_SCOPE : PUBLIC_SCOPE);
		segments.add(topic);
		if (StringUtils.hasText(eventTopic.version())) {
			segments.add(eventTopic.version());
		}
		String name = String.join(".", segments).toLowerCase(Locale.ROOT);
		try {
			return TopicResolution.of(eventType, new TopicName(name));
		}
		catch (IllegalArgumentException ex) {
			return TopicResolution.failed(eventType, ex.getMessage() + ". Fix the @EventTopic attributes, the "
					+ "domain or momentum.kafka.environment");
		}
	}

	private @Nullable String resolveDomain(Class<?> eventType, EventTopic eventTopic) {
		if (StringUtils.hasText(eventTopic.domain())) {
			return eventTopic.domain().toLowerCase(Locale.ROOT);
		}
		String packageDomain = findPackageDomain(eventType);
		if (packageDomain != null) {
			return packageDomain.toLowerCase(Locale.ROOT);
		}
		if (StringUtils.hasText(this.defaultDomain)) {
			return this.defaultDomain.toLowerCase(Locale.ROOT);
		}
		return applicationDomain(this.applicationName);
	}

	private @Nullable String resolveTopicSegment(EventTopic eventTopic) {
		if (StringUtils.hasText(eventTopic.topic())) {
			return eventTopic.topic();
		}
		if (eventTopic.value() == Void.class) {
			return null;
		}
		String entity = KebabCase.of(eventTopic.value().getSimpleName());
		return eventTopic.pluralize() ? Pluralizer.pluralize(entity) : entity;
	}

	/**
	 * The domain taken from an application name: its first segment split on {@code -}, {@code .}
	 * or {@code _}, lower-cased.
	 * @param applicationName {@code spring.application.name}, or {@code null}
	 * @return the domain, or {@code null} when the name is blank
	 */
	static @Nullable String applicationDomain(@Nullable String applicationName) {
		if (!StringUtils.hasText(applicationName)) {
			return null;
		}
		for (String segment : applicationName.trim().split("[-._]")) {
			if (!segment.isBlank()) {
				return segment.trim().toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

	private @Nullable String findPackageDomain(Class<?> eventType) {
		ClassLoader classLoader = eventType.getClassLoader();
		String packageName = eventType.getPackageName();
		while (!packageName.isEmpty()) {
			Optional<String> domain = this.packageDomains.computeIfAbsent(packageName,
					(name) -> declaredDomain(name, classLoader));
			if (domain.isPresent()) {
				return domain.get();
			}
			int lastDot = packageName.lastIndexOf('.');
			packageName = (lastDot > 0) ? packageName.substring(0, lastDot) : "";
		}
		return null;
	}

	/**
	 * The {@link DefaultDomain} declared on one package, read from its {@code package-info}
	 * class: a parent package without classes of its own has no {@link Package} object until
	 * that class is loaded.
	 */
	private static Optional<String> declaredDomain(String packageName, @Nullable ClassLoader classLoader) {
		try {
			Class<?> packageInfo = Class.forName(packageName + ".package-info", false, classLoader);
			DefaultDomain defaultDomain = packageInfo.getAnnotation(DefaultDomain.class);
			if (defaultDomain != null && StringUtils.hasText(defaultDomain.value())) {
				return Optional.of(defaultDomain.value());
			}
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// No package-info: the package declares no default domain.
		}
		return Optional.empty();
	}

}
