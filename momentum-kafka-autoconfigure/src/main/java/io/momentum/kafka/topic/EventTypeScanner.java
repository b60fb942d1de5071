package io.momentum.kafka.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.momentum.kafka.annotation.EventTopic;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Finds the types annotated with {@link EventTopic} in packages and their sub-packages. Reads
 * class files without loading them, then loads only the matches. Abstract types, interfaces and
 * inner (non-static) classes are returned too, so that the catalog can refuse them with a clear
 * message instead of ignoring them.
 */
public class EventTypeScanner {

	private final ResourceLoader resourceLoader;

	private final Environment environment;

	/**
	 * Create a scanner using the default class loader.
	 */
	public EventTypeScanner() {
		this(new DefaultResourceLoader(), new StandardEnvironment());
	}

	/**
	 * Create a scanner.
	 * @param resourceLoader the resource loader whose class loader reads and loads the types
	 * @param environment the environment (for placeholders in package names)
	 */
	public EventTypeScanner(ResourceLoader resourceLoader, Environment environment) {
		this.resourceLoader = resourceLoader;
		this.environment = environment;
	}

	/**
	 * Scan packages for event types.
	 * @param basePackages the packages to scan, with their sub-packages; duplicates and nested
	 * packages are fine
	 * @return the event types, sorted by class name, each once
	 * @throws IllegalStateException when a found class cannot be loaded
	 */
	public List<Class<?>> scan(Collection<String> basePackages) {
		ClassPathScanningCandidateComponentProvider provider = new EventTopicCandidateProvider(this.environment);
		provider.setResourceLoader(this.resourceLoader);
		provider.addIncludeFilter(new AnnotationTypeFilter(EventTopic.class, false, false));
		Set<String> classNames = new LinkedHashSet<>();
		for (String basePackage : basePackages) {
			if (StringUtils.hasText(basePackage)) {
				for (BeanDefinition candidate : provider.findCandidateComponents(basePackage.trim())) {
					classNames.add(candidate.getBeanClassName());
				}
			}
		}
		ClassLoader classLoader = this.resourceLoader.getClassLoader();
		List<Class<?>> types = new ArrayList<>(classNames.size());
		for (String className : classNames) {
			types.add(load(className, classLoader));
		}
		types.sort(Comparator.comparing(Class::getName));
		return types;
	}

	private static Class<?> load(String className, @Nullable ClassLoader classLoader) {
		try {
			return ClassUtils.forName(className, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Cannot load the @EventTopic type " + className + ": " + ex, ex);
		}
	}

	/**
	 * Accepts every annotated top-level or nested type, not only concrete independent ones.
	 */
	private static final class EventTopicCandidateProvider extends ClassPathScanningCandidateComponentProvider {

		EventTopicCandidateProvider(Environment environment) {
			super(false, environment);
		}

		@Override
		protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
			return true;
		}

	}

}
