package io.momentum.kafka.autoconfigure.health;

import java.util.List;
import java.util.Map;

import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.autoconfigure.metrics.MomentumKafkaMetricsAutoConfiguration;
import io.momentum.kafka.health.KafkaHealthIndicator;
import io.momentum.kafka.health.KafkaReadinessHealthEndpointGroupsPostProcessor;
import io.momentum.kafka.health.ListenerContainers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link MomentumKafkaHealthContributorAutoConfiguration}. No broker: nothing connects
 * until a health check runs.
 */
class MomentumKafkaHealthContributorAutoConfigurationTests {

	// Until the ConnectionStrings.Messaging binding merges, spring.kafka.bootstrap-servers is set too.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
				MomentumKafkaHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityHealthContributorAutoConfiguration.class,
				AvailabilityProbesAutoConfiguration.class))
		.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:9", "spring.kafka.bootstrap-servers=127.0.0.1:9");

	@Test
	void registersTheKafkaHealthContributorWithoutConnecting() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(KafkaHealthIndicator.class).hasSingleBean(SharedAdminClient.class);
			assertThat(context.getBean(HealthContributorRegistry.class).getContributor("kafka"))
				.isSameAs(context.getBean(KafkaHealthIndicator.class));
		});
	}

	@Test
	void whenHealthTimeoutIsNotPositiveThenStartupFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("momentum.kafka.health.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("momentum.kafka.health.timeout")
				.hasMessageContaining("must be positive"));
	}

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaHealthContributorAutoConfiguration.class))
			.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9")
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class)
				.doesNotHaveBean(SharedAdminClient.class));
	}

	@Test
	void whenKafkaHealthIndicatorDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("management.health.kafka.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
	}

	@Test
	void whenHealthDefaultsDisabledThenBacksOff() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
	}

	@Test
	void whenSpringBootHealthIsAbsentThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaHealthContributorAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:9", "spring.kafka.bootstrap-servers=127.0.0.1:9")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(KafkaHealthIndicator.class)
				.doesNotHaveBean(SharedAdminClient.class));
	}

	@Test
	void whenUserDefinesKafkaHealthIndicatorThenBacksOff() {
		this.contextRunner
			.withBean("kafkaHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaHealthIndicator.class));
	}

	@Test
	void whenMetricsAreConfiguredTooThenBothShareOneAdminClient() {
		// The lag meters exist where integration event handlers can: with the consuming auto-configuration
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MomentumKafkaConsumingAutoConfiguration.class,
					MomentumKafkaMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("spring.application.name=billing-api")
			.run((context) -> assertThat(context).hasSingleBean(SharedAdminClient.class)
				.hasBean("consumerLagMetrics"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void reportsContainersOfEveryListenerContainersBeanOnceAndUsesTheConfiguredTimeout() {
		MessageListenerContainer container = mock(MessageListenerContainer.class);
		given(container.getListenerId()).willReturn("consumingEngineersContainer");
		given(container.isAutoStartup()).willReturn(true);
		this.contextRunner.withBean("handlerContainers", ListenerContainers.class, () -> () -> List.of(container))
			.withBean("plainContainer", MessageListenerContainer.class, () -> container)
			.withPropertyValues("momentum.kafka.health.timeout=200ms")
			.run((context) -> {
				Health health = context.getBean(KafkaHealthIndicator.class).health();
				assertThat((Map<String, Object>) health.getDetails().get("listenerContainers"))
					.containsOnlyKeys("consumingEngineersContainer");
				assertThat((String) health.getDetails().get("reason"))
					.startsWith("Kafka did not answer within 200ms at 127.0.0.1:9")
					.contains("; Listener container 'consumingEngineersContainer' has stopped");
			});
	}

	@Test
	void addsKafkaToTheReadinessGroupNextToReadinessState() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(KafkaReadinessHealthEndpointGroupsPostProcessor.class);
			HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
			assertThat(readiness.isMember("kafka")).isTrue();
			assertThat(readiness.isMember("readinessState")).isTrue();
			assertThat(readiness.isMember("diskSpace")).isFalse();
			HealthEndpointGroup liveness = context.getBean(HealthEndpointGroups.class).get("liveness");
			assertThat(liveness.isMember("kafka")).isFalse();
		});
	}

	@Test
	void whenReadinessMembershipIsConfiguredThenLeavesItAlone() {
		this.contextRunner.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> assertThat(
					context.getBean(HealthEndpointGroups.class).get("readiness").isMember("kafka"))
				.isFalse());
	}

	@Test
	void whenReadinessIsSwitchedOffThenKafkaIsNotInTheReadinessGroup() {
		this.contextRunner.withPropertyValues("momentum.kafka.health.readiness=false").run((context) -> {
			assertThat(context).doesNotHaveBean(KafkaReadinessHealthEndpointGroupsPostProcessor.class);
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("kafka")).isFalse();
		});
	}

	@Test
	void whenProbesAreDisabledThenAddsNoReadinessGroup() {
		this.contextRunner.withPropertyValues("management.endpoint.health.probes.enabled=false")
			.run((context) -> assertThat(context.getBean(HealthEndpointGroups.class).get("readiness")).isNull());
	}

}
