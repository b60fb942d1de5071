package io.momentum.kafka.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches Spring Kafka's observations on by default ({@code spring.kafka.template.observation-enabled}
 * and {@code spring.kafka.listener.observation-enabled}), so that trace context flows from
 * publisher to handler and every template and container of the application reports the same
 * {@code spring.kafka.*} meters (a template with Spring Kafka's older timers next to observed ones
 * makes Prometheus reject the latter). The defaults are the lowest precedence property source: any
 * value the application sets wins. They do not depend on {@code ConnectionStrings.Messaging}
 * because test support may set that key after environment post-processing.
 */
public class ObservationDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "momentumKafkaObservationDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.kafka.template.observation-enabled", "true",
							"spring.kafka.listener.observation-enabled", "true")));
	}

	@Override
	public int getOrder() {
		// After the application's configuration files are loaded.
		return Ordered.LOWEST_PRECEDENCE;
	}

}
