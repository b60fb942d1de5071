package io.momentum.kafka.autoconfigure.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.metrics.ConsumerLagMetrics;
import io.momentum.kafka.metrics.IntegrationEventMetrics;
import io.momentum.kafka.metrics.ProduceOutcome;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MomentumKafkaMetricsAutoConfiguration}. No broker: the lag meters keep their
 * last values (none) while the cluster cannot be reached.
 */
class MomentumKafkaMetricsAutoConfigurationTests {

	// Until the ConnectionStrings.Messaging binding merges, spring.kafka.bootstrap-servers is set too.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:9", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"spring.application.name=billing-api", "momentum.kafka.metrics.lag-timeout=200ms");

	@Test
	void registersEventCountersAndLagMetersOfTheApplicationGroup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(IntegrationEventMetrics.class)
				.hasSingleBean(ConsumerLagMetrics.class)
				.hasSingleBean(SharedAdminClient.class);
			assertThat(context.getBean(ConsumerLagMetrics.class).getGroupId()).isEqualTo("billing-api");
			context.getBean(IntegrationEventMetrics.class).produced("t", "CashierCreated", ProduceOutcome.SUCCESS);
			assertThat(context.getBean(SimpleMeterRegistry.class).get("kafka.messages.produced").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void lagGroupFollowsTheConsumerGroupIdRule() {
		this.contextRunner.withPropertyValues("spring.kafka.consumer.group-id=billing-consumers")
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupId())
				.isEqualTo("billing-consumers"));
		this.contextRunner
			.withPropertyValues("spring.kafka.consumer.group-id=billing-consumers",
					"momentum.kafka.consumer.group-id=billing")
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupId()).isEqualTo("billing"));
	}

	@Test
	void whenLagIntervalIsNotPositiveThenStartupFailsNamingTheKey() {
		this.contextRunner.withPropertyValues("momentum.kafka.metrics.lag-interval=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("momentum.kafka.metrics.lag-interval"));
	}

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.application.name=billing-api")
			.run((context) -> assertThat(context).doesNotHaveBean(IntegrationEventMetrics.class)
				.doesNotHaveBean(ConsumerLagMetrics.class));
	}

	@Test
	void whenNoMeterRegistryThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaMetricsAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:9", "spring.kafka.bootstrap-servers=127.0.0.1:9",
					"spring.application.name=billing-api")
			.run((context) -> assertThat(context).doesNotHaveBean(IntegrationEventMetrics.class)
				.doesNotHaveBean(ConsumerLagMetrics.class));
	}

	@Test
	void whenMicrometerIsAbsentThenBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(IntegrationEventMetrics.class));
	}

	@Test
	void whenNoConsumerGroupIdThenCountsEventsButMeasuresNoLag() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:9", "spring.kafka.bootstrap-servers=127.0.0.1:9")
			.run((context) -> assertThat(context).hasSingleBean(IntegrationEventMetrics.class)
				.doesNotHaveBean(ConsumerLagMetrics.class));
	}

	@Test
	void whenConsumersAreDisabledThenMeasuresNoLag() {
		this.contextRunner.withPropertyValues("momentum.kafka.consumer.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(IntegrationEventMetrics.class)
				.doesNotHaveBean(ConsumerLagMetrics.class));
	}

	@Test
	void whenLagIsDisabledThenMeasuresNoLag() {
		this.contextRunner.withPropertyValues("momentum.kafka.metrics.lag-enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConsumerLagMetrics.class)
				.doesNotHaveBean(SharedAdminClient.class));
	}

	@Test
	void whenUserDefinesIntegrationEventMetricsThenBacksOff() {
		this.contextRunner
			.withBean("myMetrics", IntegrationEventMetrics.class, () -> new IntegrationEventMetrics(new SimpleMeterRegistry()))
			.run((context) -> assertThat(context).hasSingleBean(IntegrationEventMetrics.class).hasBean("myMetrics"));
	}

}
