package io.momentum.kafka.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ObservationDefaultsEnvironmentPostProcessorTests {

	private final ObservationDefaultsEnvironmentPostProcessor postProcessor = new ObservationDefaultsEnvironmentPostProcessor();

	@Test
	void whenNothingIsSetThenTemplateAndListenerObservationAreOn() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
		assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
	}

	@Test
	void whenTheApplicationSwitchesObservationOffThenItStaysOff() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("spring.kafka.template.observation-enabled", "false",
							"spring.kafka.listener.observation-enabled", "false")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("false");
		assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("false");
	}

	@Test
	void isRegisteredForSpringBoot() {
		assertThat(SpringFactoriesLoader.loadFactoryNames(org.springframework.boot.EnvironmentPostProcessor.class,
				getClass().getClassLoader()))
			.contains(ObservationDefaultsEnvironmentPostProcessor.class.getName());
	}

}
