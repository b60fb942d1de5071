package io.momentum.kafka.autoconfigure.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.momentum.kafka.admin.SharedAdminClient;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.autoconfigure.MomentumKafkaConsumingAutoConfiguration;
import io.momentum.kafka.consuming.IntegrationEventConsumerCustomizer;
import io.momentum.kafka.consuming.IntegrationEventContainerCustomizer;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.LedgerEntryPosted;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.metrics.ConsumerLagMetrics;
import io.momentum.kafka.metrics.IntegrationEventMetrics;
import io.momentum.kafka.metrics.KafkaMeterNames;
import io.momentum.kafka.metrics.ProduceOutcome;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MomentumKafkaMetricsAutoConfiguration}. No broker: the listener containers are
 * created but not started, and the lag meters keep their last values (none) while the cluster
 * cannot be reached.
 */
class MomentumKafkaMetricsAutoConfigurationTests {

	private static final String CASHIERS = "dev.appdomain.public.cashiers";

	private static final String LEDGER = "dev.appdomain.public.ledger-entries";

	// The catalog is built by hand here: the topics auto-configuration builds the real one.
	private static final EventCatalog CATALOG = TestCatalog.builder()
		.add(CashierCreated.class, CASHIERS, "tenantId", (event) -> event.tenantId().toString())
		.add(LedgerEntryPosted.class, LEDGER, "account", LedgerEntryPosted::account)
		.build();

	// Until the ConnectionStrings.Messaging binding merges, spring.kafka.bootstrap-servers is set too.
	private final ApplicationContextRunner publishOnlyRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
				MomentumKafkaConsumingAutoConfiguration.class, MomentumKafkaMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withBean(EventCatalog.class, () -> CATALOG)
		.withPropertyValues("ConnectionStrings.Messaging=127.0.0.1:9", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"spring.kafka.listener.auto-startup=false", "spring.application.name=billing-api",
				"momentum.kafka.metrics.lag-timeout=200ms");

	// An application with a handler on the ledger topic: one listener container, in the application's group.
	private final ApplicationContextRunner contextRunner = this.publishOnlyRunner.withBean(LedgerHandler.class);

	@Test
	void registersEventCountersAndLagMetersOfTheApplicationGroup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(IntegrationEventMetrics.class)
				.hasSingleBean(ConsumerLagMetrics.class)
				.hasSingleBean(SharedAdminClient.class);
			assertThat(context.getBean(ConsumerLagMetrics.class).getGroupIds()).containsExactly("billing-api");
			context.getBean(IntegrationEventMetrics.class).produced("t", "CashierCreated", ProduceOutcome.SUCCESS);
			assertThat(context.getBean(SimpleMeterRegistry.class).get("kafka.messages.produced").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void lagGroupFollowsTheConsumerGroupIdRule() {
		this.contextRunner.withPropertyValues("spring.kafka.consumer.group-id=billing-consumers")
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupIds())
				.containsExactly("billing-consumers"));
		this.contextRunner
			.withPropertyValues("spring.kafka.consumer.group-id=billing-consumers",
					"momentum.kafka.consumer.group-id=billing")
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupIds())
				.containsExactly("billing"));
	}

	@Test
	void whenTheApplicationHasNoHandlerThenLagMetersMeasureNoGroup() {
		this.publishOnlyRunner.run((context) -> {
			ConsumerLagMetrics lag = context.getBean(ConsumerLagMetrics.class);
			assertThat(lag.getGroupIds()).isEmpty();
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			lag.bindTo(registry);
			assertThat(registry.find(KafkaMeterNames.CONSUMER_LAG).meters()).isEmpty();
			assertThat(registry.find(KafkaMeterNames.CONSUMER_GROUP_MEMBERS).meters()).isEmpty();
		});
	}

	@Test
	void lagGroupIsTheGroupSetByAnIntegrationEventConsumerCustomizer() {
		this.contextRunner
			.withBean(IntegrationEventConsumerCustomizer.class,
					() -> (properties) -> properties.put(ConsumerConfig.GROUP_ID_CONFIG, "billing-ledger"))
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupIds())
				.containsExactly("billing-ledger"));
	}

	@Test
	void whenOnlyAConsumerCustomizerSetsTheGroupIdThenItsLagIsMeasured() {
		this.contextRunner.withPropertyValues("spring.application.name=")
			.withBean(IntegrationEventConsumerCustomizer.class,
					() -> (properties) -> properties.put(ConsumerConfig.GROUP_ID_CONFIG, "billing-ledger"))
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupIds())
				.containsExactly("billing-ledger"));
	}

	@Test
	void lagGroupsAreTheGroupsOfEachContainer() {
		this.contextRunner.withBean(CashierHandler.class)
			.withBean(IntegrationEventContainerCustomizer.class, () -> (topic, container) -> {
				if (topic.equals(CASHIERS)) {
					container.getContainerProperties().setGroupId("billing-cashiers");
				}
			})
			.run((context) -> assertThat(context.getBean(ConsumerLagMetrics.class).getGroupIds())
				.containsExactlyInAnyOrder("billing-api", "billing-cashiers"));
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

	static class LedgerHandler {

		@IntegrationEventHandler
		void on(LedgerEntryPosted event) {
		}

	}

	static class CashierHandler {

		@IntegrationEventHandler
		void on(CashierCreated event) {
		}

	}

}
