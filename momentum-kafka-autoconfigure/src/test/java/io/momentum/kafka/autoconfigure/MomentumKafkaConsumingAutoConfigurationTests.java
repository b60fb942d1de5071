package io.momentum.kafka.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.ObservationRegistry;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.cloudevents.BinaryModeCloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.kafka.consuming.IntegrationEventConsumerCustomizer;
import io.momentum.kafka.consuming.IntegrationEventContainerCustomizer;
import io.momentum.kafka.consuming.IntegrationEventHandlerRegistry;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.consuming.IntegrationEventMessageConverter;
import io.momentum.kafka.consuming.SkippingErrorHandler;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CashierUpdated;
import io.momentum.kafka.consuming.fixtures.LedgerEntryPosted;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

class MomentumKafkaConsumingAutoConfigurationTests {

	private static final String CASHIERS = "dev.appdomain.public.cashiers";

	private static final String LEDGER = "dev.appdomain.public.ledger-entries";

	// The catalog is built by hand here: the topics auto-configuration builds the real one.
	private static final EventCatalog CATALOG = TestCatalog.builder()
		.add(CashierCreated.class, CASHIERS, "tenantId", (event) -> event.tenantId().toString())
		.add(CashierUpdated.class, CASHIERS, "tenantId", (event) -> event.tenantId().toString())
		.add(LedgerEntryPosted.class, LEDGER, "account", LedgerEntryPosted::account)
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
				MomentumKafkaConsumingAutoConfiguration.class))
		.withPropertyValues("ConnectionStrings.Messaging=localhost:9", "spring.kafka.bootstrap-servers=localhost:9",
				"spring.kafka.listener.auto-startup=false", "spring.application.name=appdomain-api")
		.withBean(EventCatalog.class, () -> CATALOG);

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class))
			.withBean(CashierHandlers.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(IntegrationEventListenerContainers.class)
				.doesNotHaveBean(CloudEventReader.class));
	}

	@Test
	void whenNothingIsSetThenContainersObserveAndRetryAfterAuthenticationFailures() {
		this.runner.withBean(CashierHandlers.class).withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> {
			ContainerProperties properties = context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getContainerProperties();
			assertThat(properties.isObservationEnabled()).isTrue();
			assertThat(properties.getAuthExceptionRetryInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
		});
	}

	@Test
	void whenThereIsNoObservationRegistryThenContainersDoNotObserve() {
		this.runner.withBean(CashierHandlers.class).run((context) -> {
			ContainerProperties properties = context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getContainerProperties();
			assertThat(properties.isObservationEnabled()).isFalse();
		});
	}

	@Test
	void whenTheApplicationSetsObservationAndAuthRetryThenContainersKeepItsValues() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("spring.kafka.listener.observation-enabled=false",
					"spring.kafka.listener.auth-exception-retry-interval=1m")
			.run((context) -> {
				ContainerProperties properties = context.getBean(IntegrationEventListenerContainers.class)
					.getContainer(CASHIERS)
					.getContainerProperties();
				assertThat(properties.isObservationEnabled()).isFalse();
				assertThat(properties.getAuthExceptionRetryInterval()).isEqualTo(java.time.Duration.ofMinutes(1));
			});
	}

	@Test
	void whenHandlersThenOneContainerPerTopicWithTheSeedsDefaults() {
		this.runner.withBean(CashierHandlers.class).withBean(LedgerHandler.class).run((context) -> {
			IntegrationEventListenerContainers containers = context.getBean(IntegrationEventListenerContainers.class);
			assertThat(containers.getContainers()).containsOnlyKeys(CASHIERS, LEDGER);
			ConcurrentMessageListenerContainer<byte[], byte[]> container = containers.getContainer(CASHIERS);
			assertThat(container.getContainerProperties().getTopics()).containsExactly(CASHIERS);
			assertThat(container.getGroupId()).isEqualTo("appdomain-api");
			assertThat(container.getContainerProperties().getAckMode()).isEqualTo(AckMode.BATCH);
			assertThat(container.getConcurrency()).isEqualTo(1);
			assertThat(container.getCommonErrorHandler()).isInstanceOf(SkippingErrorHandler.class);
			assertThat(container.isRunning()).isFalse();
			assertThat(consumerProperties(container))
				.containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, List.of("localhost:9"))
				.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "appdomain-api")
				.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
				.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
				.containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
			IntegrationEventHandlerRegistry registry = context.getBean(IntegrationEventHandlerRegistry.class);
			assertThat(registry.find(CashierCreated.class)).hasValueSatisfying((handler) -> assertThat(handler)
				.hasToString(CashierHandlers.class.getName() + ".created(CashierCreated, EventMetadata)"));
			assertThat(registry.find(LedgerEntryPosted.class)).isPresent();
		});
	}

	@Test
	void containersCommitAsynchronouslyUnlessSyncCommitsIsSet() {
		this.runner.withBean(CashierHandlers.class)
			.run((context) -> assertThat(context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getContainerProperties()
				.isSyncCommits()).isFalse());
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("momentum.kafka.consumer.sync-commits=true")
			.run((context) -> assertThat(context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getContainerProperties()
				.isSyncCommits()).isTrue());
	}

	@Test
	void whenPropertiesSetThenContainersUseThem() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("momentum.kafka.consumer.group-id=billing", "momentum.kafka.consumer.concurrency=3",
					"momentum.kafka.consumer.session-timeout=20s", "spring.kafka.consumer.auto-offset-reset=earliest",
					"spring.kafka.listener.ack-mode=record", "spring.kafka.consumer.client-id=cashiers-client")
			.run((context) -> {
				ConcurrentMessageListenerContainer<byte[], byte[]> container = context
					.getBean(IntegrationEventListenerContainers.class)
					.getContainer(CASHIERS);
				assertThat(container.getGroupId()).isEqualTo("billing");
				assertThat(container.getConcurrency()).isEqualTo(3);
				assertThat(container.getContainerProperties().getAckMode()).isEqualTo(AckMode.RECORD);
				assertThat(consumerProperties(container))
					.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
					.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 20000)
					.containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "cashiers-client");
			});
	}

	@Test
	void whenSpringListenerConcurrencySetThenItApplies() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("spring.kafka.listener.concurrency=2")
			.run((context) -> assertThat(
					context.getBean(IntegrationEventListenerContainers.class).getContainer(CASHIERS).getConcurrency())
				.isEqualTo(2));
	}

	@Test
	void whenManualAckModeConfiguredThenHandlersStillCommitByBatch() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("spring.kafka.listener.ack-mode=manual")
			.run((context) -> assertThat(context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getContainerProperties()
				.getAckMode()).isEqualTo(AckMode.BATCH));
	}

	@Test
	void whenConsumerDisabledThenPublishOnly() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("momentum.kafka.consumer.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(IntegrationEventListenerContainers.class)
				.doesNotHaveBean(IntegrationEventHandlerRegistry.class));
	}

	@Test
	void whenNoHandlerThenNoContainerAndNoGroupIdNeeded() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=localhost:9")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(IntegrationEventListenerContainers.class)
				.satisfies((containers) -> assertThat(containers.getContainers()).isEmpty()));
	}

	@Test
	void whenNoGroupIdThenStartupFailsNamingTheKeys() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=localhost:9", "spring.kafka.listener.auto-startup=false")
			.withBean(EventCatalog.class, () -> CATALOG)
			.withBean(CashierHandlers.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("No consumer group id")
				.hasMessageContaining("spring.application.name")
				.hasMessageContaining("momentum.kafka.consumer.group-id")
				.hasMessageContaining("spring.kafka.consumer.group-id"));
	}

	@Test
	void whenTwoHandlersForOneEventTypeThenStartupFailsNamingBoth() {
		this.runner.withBean(CashierHandlers.class)
			.withBean(OtherCashierCreatedHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("Two @IntegrationEventHandler methods handle " + CashierCreated.class.getName())
				.hasMessageContaining(CashierHandlers.class.getName() + ".created(CashierCreated, EventMetadata)")
				.hasMessageContaining(OtherCashierCreatedHandler.class.getName() + ".handle(CashierCreated)"));
	}

	@Test
	void whenHandlerTakesNoIntegrationEventThenStartupFailsNamingTheMethod() {
		this.runner.withBean(NotAnEventHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(NotAnEventHandler.class.getName() + ".on(String)")
				.hasMessageContaining("@io.momentum.kafka.annotation.EventTopic"));
	}

	@Test
	void whenHandlerHasTwoEventsThenStartupFailsNamingTheMethod() {
		this.runner.withBean(TwoEventsHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(TwoEventsHandler.class.getName() + ".on(CashierCreated, CashierUpdated)")
				.hasMessageContaining("must take one integration event"));
	}

	@Test
	void whenHandlerReturnsAValueThenStartupFailsNamingTheMethod() {
		this.runner.withBean(ReturningHandler.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining(ReturningHandler.class.getName() + ".on(CashierCreated)")
				.hasMessageContaining("must return void or a CompletionStage"));
	}

	@Test
	void whenHandlersButNoCatalogThenStartupFailsClearly() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
					MomentumKafkaConsumingAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=localhost:9", "spring.application.name=app")
			.withBean(CashierHandlers.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("no io.momentum.kafka.topic.EventCatalog bean"));
	}

	@Test
	void whenApplicationDefinesAnErrorHandlerThenContainersUseIt() {
		DefaultErrorHandler errorHandler = new DefaultErrorHandler();
		this.runner.withBean(CashierHandlers.class)
			.withBean(CommonErrorHandler.class, () -> errorHandler)
			.run((context) -> assertThat(context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getCommonErrorHandler()).isSameAs(errorHandler));
	}

	@Test
	void whenApplicationDefinesTwoErrorHandlersThenStartupFailsInsteadOfSkippingFailedRecords() {
		this.runner.withBean(CashierHandlers.class)
			.withBean("firstErrorHandler", CommonErrorHandler.class, DefaultErrorHandler::new)
			.withBean("secondErrorHandler", CommonErrorHandler.class, DefaultErrorHandler::new)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(NoUniqueBeanDefinitionException.class)
				.hasMessageContaining("firstErrorHandler")
				.hasMessageContaining("secondErrorHandler"));
	}

	@Test
	void whenContainerCustomizerThenItIsApplied() {
		this.runner.withBean(CashierHandlers.class)
			.withBean(IntegrationEventContainerCustomizer.class,
					() -> (topic, container) -> container.getContainerProperties().setClientId("custom-" + topic))
			.run((context) -> assertThat(context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getContainerProperties()
				.getClientId()).isEqualTo("custom-" + CASHIERS));
	}

	@Test
	void topicsByGroupIdAreTheGroupsTheContainersJoinAfterEveryCustomizer() {
		this.runner.withBean(CashierHandlers.class)
			.withBean(LedgerHandler.class)
			.withBean(IntegrationEventConsumerCustomizer.class,
					() -> (properties) -> properties.put(ConsumerConfig.GROUP_ID_CONFIG, "appdomain-handlers"))
			.withBean(IntegrationEventContainerCustomizer.class, () -> (topic, container) -> {
				if (topic.equals(LEDGER)) {
					container.getContainerProperties().setGroupId("appdomain-ledger");
				}
			})
			.run((context) -> assertThat(
					context.getBean(IntegrationEventListenerContainers.class).getTopicsByGroupId())
				.isEqualTo(Map.of("appdomain-handlers", Set.of(CASHIERS), "appdomain-ledger", Set.of(LEDGER))));
	}

	@Test
	void groupIdOfSpringKafkaConsumerPropertiesWinsOverItsGroupIdKeyAndTheApplicationName() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("spring.kafka.consumer.group-id=from-key",
					"spring.kafka.consumer.properties.group.id=from-properties")
			.run((context) -> assertThat(
					context.getBean(IntegrationEventListenerContainers.class).getTopicsByGroupId())
				.isEqualTo(Map.of("from-properties", Set.of(CASHIERS))));
	}

	@Test
	void momentumGroupIdBindsFromAnEnvironmentVariableAndWins() {
		this.runner.withBean(CashierHandlers.class)
			.withPropertyValues("spring.kafka.consumer.properties.group.id=from-properties")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of("MOMENTUM_KAFKA_CONSUMER_GROUPID", "billing"))))
			.run((context) -> assertThat(
					context.getBean(IntegrationEventListenerContainers.class).getTopicsByGroupId())
				.isEqualTo(Map.of("billing", Set.of(CASHIERS))));
	}

	@Test
	void whenNoHandlerThenNoTopicsByGroupId() {
		this.runner.run((context) -> assertThat(
				context.getBean(IntegrationEventListenerContainers.class).getTopicsByGroupId())
			.isEmpty());
	}

	@Test
	void defaultReaderReadsBinaryModeOnItsFastPathAndFallsBackToTheSdk() {
		this.runner.run((context) -> assertThat(context).getBean(CloudEventReader.class)
			.isInstanceOf(BinaryModeCloudEventReader.class));
	}

	@Test
	void whenApplicationDefinesAReaderThenOursBacksOff() {
		CloudEventReader reader = (headers, value) -> {
			throw new UnsupportedOperationException();
		};
		this.runner.withBean(CloudEventReader.class, () -> reader)
			.run((context) -> assertThat(context).getBean(CloudEventReader.class).isSameAs(reader));
	}

	@Test
	void whenConsumerDisabledThenKafkaListenersStillGetTheIntegrationEventConverter() {
		this.runner.withPropertyValues("momentum.kafka.consumer.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(IntegrationEventMessageConverter.class));
	}

	@Test
	void whenApplicationDefinesAMessageConverterThenOursBacksOff() {
		this.runner.withBean(RecordMessageConverter.class, MessagingMessageConverter::new)
			.run((context) -> assertThat(context).doesNotHaveBean(IntegrationEventMessageConverter.class));
	}

	private static Map<String, Object> consumerProperties(ConcurrentMessageListenerContainer<?, ?> container) {
		ConsumerFactory<?, ?> consumerFactory = (ConsumerFactory<?, ?>) ReflectionTestUtils.getField(container,
				"consumerFactory");
		return consumerFactory.getConfigurationProperties();
	}

	static class CashierHandlers {

		@IntegrationEventHandler
		void created(CashierCreated event, EventMetadata metadata) {
		}

		@IntegrationEventHandler
		CompletableFuture<Void> updated(CashierUpdated event) {
			return CompletableFuture.completedFuture(null);
		}

	}

	static class LedgerHandler {

		@IntegrationEventHandler
		public void on(EventMetadata metadata, LedgerEntryPosted event) {
		}

	}

	static class OtherCashierCreatedHandler {

		@IntegrationEventHandler
		void handle(CashierCreated event) {
		}

	}

	static class NotAnEventHandler {

		@IntegrationEventHandler
		void on(String event) {
		}

	}

	static class TwoEventsHandler {

		@IntegrationEventHandler
		void on(CashierCreated created, CashierUpdated updated) {
		}

	}

	static class ReturningHandler {

		@IntegrationEventHandler
		String on(CashierCreated created) {
			return "done";
		}

	}

}
