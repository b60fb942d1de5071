package io.momentum.kafka.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: applies {@link MomentumKafkaTest} to the test classes that carry
 * it (directly, inherited, or on an enclosing class of a {@code @Nested} test).
 */
class MomentumKafkaContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MomentumKafkaTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				MomentumKafkaTest.class);
		return (annotation != null) ? new MomentumKafkaContextCustomizer(annotation.isolated(),
				TestKafkaBrokers.external()) : null;
	}

}
