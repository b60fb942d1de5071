package io.momentum.kafka.test;

import java.util.List;
import java.util.Map;

import io.momentum.kafka.autoconfigure.MomentumKafkaProperties;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * What {@link MomentumKafkaTest} puts into a test context.
 */
class MomentumKafkaContextCustomizerTests {

	private final MomentumKafkaContextCustomizerFactory factory = new MomentumKafkaContextCustomizerFactory();

	@Test
	void connectionStringNamesTheTestBrokerAndTheBrokerIsABean() {
		try (GenericApplicationContext context = customized(new MomentumKafkaContextCustomizer(true, null))) {
			TestKafkaBroker broker = context.getBean(TestKafkaBroker.class);
			assertThat(Binder.get(context.getEnvironment()).bind("connectionstrings.messaging", String.class).get())
				.isEqualTo(broker.bootstrapServers());
			assertThat(broker).isEqualTo(TestKafkaBrokers.obtain());
		}
	}

	@Test
	void eachContextGetsItsOwnEnvironmentSegmentKeptWholeAndItsOwnConsumerGroup() {
		MomentumKafkaContextCustomizer customizer = new MomentumKafkaContextCustomizer(true, null);
		try (GenericApplicationContext first = customized(customizer, Map.of("spring.application.name", "appdomain-api"));
				GenericApplicationContext second = customized(customizer)) {
			MomentumKafkaProperties firstProperties = bind(first);
			MomentumKafkaProperties secondProperties = bind(second);

			String name = firstProperties.getEnvironment();
			assertThat(name).matches("test-[a-z0-9]{8}");
			assertThat(firstProperties.getEnvironmentAliases()).containsExactly(Map.entry(name, name));
			assertThat(firstProperties.getConsumer().getGroupId()).isEqualTo("appdomain-api-" + name);
			assertThat(secondProperties.getEnvironment()).isNotEqualTo(name);
			assertThat(secondProperties.getConsumer().getGroupId()).startsWith("test-test-")
				.isNotEqualTo(firstProperties.getConsumer().getGroupId());
			assertThat(second.getBean(TestKafkaBroker.class)).isEqualTo(first.getBean(TestKafkaBroker.class));
		}
	}

	@Test
	void isolationNamesWinOverTheApplicationsConfiguration() {
		try (GenericApplicationContext context = customized(new MomentumKafkaContextCustomizer(true, null),
				Map.of("momentum.kafka.environment", "production", "momentum.kafka.consumer.group-id", "billing",
						"ConnectionStrings.Messaging", "prod-kafka:9092"))) {
			MomentumKafkaProperties properties = bind(context);
			assertThat(properties.getEnvironment()).startsWith("test-");
			assertThat(properties.getConsumer().getGroupId()).doesNotContain("billing");
			assertThat(context.getEnvironment().getProperty("ConnectionStrings.Messaging"))
				.isEqualTo(context.getBean(TestKafkaBroker.class).bootstrapServers());
		}
	}

	@Test
	void withoutIsolationOnlyTheConnectionStringIsSet() {
		try (GenericApplicationContext context = customized(new MomentumKafkaContextCustomizer(false, null),
				Map.of("momentum.kafka.environment", "it"))) {
			MapPropertySource source = (MapPropertySource) context.getEnvironment()
				.getPropertySources()
				.get(MomentumKafkaContextCustomizer.PROPERTY_SOURCE_NAME);
			assertThat(source.getSource()).containsOnlyKeys("ConnectionStrings.Messaging");
			assertThat(bind(context).getEnvironment()).isEqualTo("it");
		}
	}

	@Test
	void externalBrokerNamedWhenTheTestClassIsPreparedIsUsedAsIs() {
		TestKafkaBroker external = new TestKafkaBroker(TestKafkaBroker.Kind.EXTERNAL, "kafka.example:9092", "named");
		try (GenericApplicationContext context = customized(new MomentumKafkaContextCustomizer(true, external))) {
			assertThat(context.getEnvironment().getProperty("ConnectionStrings.Messaging"))
				.isEqualTo("kafka.example:9092");
			assertThat(context.getBean(TestKafkaBroker.class)).isSameAs(external);
		}
	}

	@Test
	void customizersWithTheSameSettingsAreEqualSoTheContextCacheSharesContexts() {
		assertThat(new MomentumKafkaContextCustomizer(true, null))
			.isEqualTo(this.factory.createContextCustomizer(Annotated.class, List.of()))
			.isNotEqualTo(new MomentumKafkaContextCustomizer(false, null))
			.isNotEqualTo(new MomentumKafkaContextCustomizer(true,
					new TestKafkaBroker(TestKafkaBroker.Kind.EXTERNAL, "kafka.example:9092", "named")));
	}

	@Test
	void factoryAppliesToAnnotatedInheritingAndNestedTestClassesOnly() {
		assertThat(this.factory.createContextCustomizer(MomentumKafkaContextCustomizerTests.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(Annotated.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(Inheriting.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(Annotated.Inner.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(NotIsolated.class, List.of()))
			.isEqualTo(new MomentumKafkaContextCustomizer(false, null));
	}

	private static GenericApplicationContext customized(ContextCustomizer customizer) {
		return customized(customizer, Map.of());
	}

	private static GenericApplicationContext customized(ContextCustomizer customizer,
			Map<String, Object> applicationProperties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("application", applicationProperties));
		customizer.customizeContext(context, mock(MergedContextConfiguration.class));
		context.refresh();
		return context;
	}

	private static MomentumKafkaProperties bind(GenericApplicationContext context) {
		return Binder.get(context.getEnvironment()).bindOrCreate("momentum.kafka", MomentumKafkaProperties.class);
	}

	@MomentumKafkaTest
	static class Annotated {

		@Nested
		class Inner {

		}

	}

	static class Inheriting extends Annotated {

	}

	@MomentumKafkaTest(isolated = false)
	static class NotIsolated {

	}

}
