package io.momentum.kafka.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.support.SystemEnvironmentPropertySourceEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads Momentum's environment variables in their .NET form, where {@code __} separates
 * sections ({@code ConnectionStrings__Messaging}, {@code Kafka__SaslPassword}), which Spring
 * Boot does not map by itself. Only the {@code ConnectionStrings} and {@code Kafka} sections are
 * read. They are added as a property source right after the system environment, so they rank
 * like environment variables: above {@code application.yml}, below system properties and
 * command-line arguments; a Spring-style variable ({@code CONNECTIONSTRINGS_MESSAGING}) wins
 * when both are set.
 */
public class DotNetEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this post-processor adds. */
	public static final String PROPERTY_SOURCE_NAME = "momentumDotNetEnvironment";

	private static final List<String> SECTIONS = List.of("ConnectionStrings", "Kafka");

	private static final String SEPARATOR = "__";

	@Override
	public int getOrder() {
		return SystemEnvironmentPropertySourceEnvironmentPostProcessor.DEFAULT_ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String systemEnvironment = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		PropertySource<?> source = environment.getPropertySources().get(systemEnvironment);
		if (!(source instanceof EnumerablePropertySource<?> variables)) {
			return;
		}
		Map<String, Object> mapped = new LinkedHashMap<>();
		for (String name : variables.getPropertyNames()) {
			int separator = name.indexOf(SEPARATOR);
			if (separator > 0 && isMomentumSection(name.substring(0, separator))) {
				Object value = variables.getProperty(name);
				if (value != null) {
					mapped.put(name.replace(SEPARATOR, "."), value);
				}
			}
		}
		if (!mapped.isEmpty()) {
			environment.getPropertySources().addAfter(systemEnvironment, new MapPropertySource(PROPERTY_SOURCE_NAME, mapped));
		}
	}

	private static boolean isMomentumSection(String section) {
		return SECTIONS.stream().anyMatch(section::equalsIgnoreCase);
	}

}
