package io.momentum.kafka.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.autoconfigure.metrics.MomentumKafkaMetricsAutoConfiguration;
import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.consuming.error.IntegrationEventDeadLetterRecoverer;
import io.momentum.kafka.consuming.error.IntegrationEventErrorHandler;
import io.momentum.kafka.consuming.error.IntegrationEventErrorHandlerCustomizer;
import io.momentum.kafka.consuming.error.RetryPolicy;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.TestCatalog;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class MomentumKafkaErrorHandlingAutoConfigurationTests {

	private static final String CASHIERS = "dev.appdomain.public.cashiers";

	// The catalog is built by hand here: the topics auto-configuration builds the real one.
	private static final EventCatalog CATALOG = TestCatalog.builder()
		.add(CashierCreated.class, CASHIERS, "tenantId", (event) -> event.tenantId().toString())
		.build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
				MomentumKafkaConsumingAutoConfiguration.class, MomentumKafkaErrorHandlingAutoConfiguration.class))
		.withPropertyValues("ConnectionStrings.Messaging=localhost:9", "spring.kafka.bootstrap-servers=localhost:9",
				"spring.kafka.listener.auto-startup=false", "spring.application.name=appdomain-api")
		.withBean(EventCatalog.class, () -> CATALOG);

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaErrorHandlingAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(CommonErrorHandler.class)
				.doesNotHaveBean(ConsumerRecordRecoverer.class));
	}

	@Test
	void whenConnectedThenIntegrationEventContainersRetryThreeTimesAndDeadLetter() {
		this.runner.withBean(CashierHandler.class).run((context) -> {
			assertThat(context).hasSingleBean(IntegrationEventErrorHandler.class)
				.hasSingleBean(IntegrationEventDeadLetterRecoverer.class);
			IntegrationEventErrorHandler errorHandler = context.getBean(IntegrationEventErrorHandler.class);
			assertThat(errorHandler.getRetryPolicy())
				.isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10)));
			assertThat(context.getBean(IntegrationEventListenerContainers.class)
				.getContainer(CASHIERS)
				.getCommonErrorHandler()).isSameAs(errorHandler);
			assertThat(context.getBean(IntegrationEventDeadLetterRecoverer.class).deadLetterTopic(CASHIERS))
				.isEqualTo(CASHIERS + ".dead-letter");
		});
	}

	@Test
	void kafkaListenerContainersOfSpringBootUseTheSameErrorHandler() {
		this.runner.run((context) -> assertThat(context.getBean(AbstractKafkaListenerContainerFactory.class))
			.extracting("commonErrorHandler")
			.isSameAs(context.getBean(IntegrationEventErrorHandler.class)));
	}

	@Test
	void retryPropertiesAreBound() {
		RecordingRecoverer recoverer = new RecordingRecoverer();
		this.runner
			.withPropertyValues("momentum.kafka.retry.max-attempts=5", "momentum.kafka.retry.initial-interval=50ms",
					"momentum.kafka.retry.multiplier=3", "momentum.kafka.retry.max-interval=2s",
					"momentum.kafka.retry.non-retryable-exceptions=java.lang.IllegalArgumentException,"
							+ "java.io.IOException",
					"momentum.kafka.retry.dead-letter-timeout=3s")
			.withBean("recoverer", ConsumerRecordRecoverer.class, () -> recoverer)
			.run((context) -> {
				IntegrationEventErrorHandler errorHandler = context.getBean(IntegrationEventErrorHandler.class);
				assertThat(errorHandler.getRetryPolicy())
					.isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), 3.0, Duration.ofSeconds(2)));
				assertThat(context.getBean(MomentumKafkaProperties.class).getRetry().getDeadLetterTimeout())
					.isEqualTo(Duration.ofSeconds(3));
				assertThat(handle(errorHandler, new java.io.FileNotFoundException("a listed class's subclass")))
					.as("not retried").isTrue();
				assertThat(handle(errorHandler, new IllegalStateException("retryable"))).as("retried").isFalse();
				assertThat(recoverer.recovered).hasSize(1);
			});
	}

	@Test
	void retriesAndDeadLettersAreCountedInTheConsumedCounter() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaErrorHandlingAutoConfiguration.class, MomentumKafkaMetricsAutoConfiguration.class))
			.withPropertyValues("ConnectionStrings.Messaging=localhost:9", "spring.kafka.bootstrap-servers=localhost:9",
					"spring.application.name=appdomain-api", "momentum.kafka.metrics.lag-enabled=false",
					"momentum.kafka.retry.initial-interval=0ms")
			.withBean(SimpleMeterRegistry.class)
			.withBean("recoverer", ConsumerRecordRecoverer.class, RecordingRecoverer::new)
			.run((context) -> {
				IntegrationEventErrorHandler errorHandler = context.getBean(IntegrationEventErrorHandler.class);
				handle(errorHandler, new io.momentum.kafka.cloudevents.UnreadableEventException("bad"));
				handle(errorHandler, new IllegalStateException("down"));
				SimpleMeterRegistry registry = context.getBean(SimpleMeterRegistry.class);
				assertThat(registry.get("kafka.messages.consumed").tag("outcome", "dead_lettered")
					.tag("type", "unknown").tag("group", "group").tag("topic", CASHIERS).counter().count()).isOne();
				assertThat(registry.get("kafka.messages.consumed").tag("outcome", "retried").counter().count())
					.isOne();
			});
	}

	@Test
	void invalidRetryValueFailsAtStartupNamingTheKey() {
		this.runner.withPropertyValues("momentum.kafka.retry.max-attempts=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("momentum.kafka.retry.max-attempts"));
	}

	@Test
	void unknownNonRetryableExceptionClassFailsAtStartupNamingTheKey() {
		this.runner.withPropertyValues("momentum.kafka.retry.non-retryable-exceptions=com.example.NoSuchException")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("momentum.kafka.retry.non-retryable-exceptions")
				.hasStackTraceContaining("com.example.NoSuchException"));
	}

	@Test
	void applicationErrorHandlerReplacesOursEverywhere() {
		CommonErrorHandler own = new CommonLoggingErrorHandler();
		this.runner.withBean(CashierHandler.class)
			.withBean("ownErrorHandler", CommonErrorHandler.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(IntegrationEventErrorHandler.class);
				assertThat(context.getBean(IntegrationEventListenerContainers.class)
					.getContainer(CASHIERS)
					.getCommonErrorHandler()).isSameAs(own);
			});
	}

	@Test
	void applicationRecovererIsUsedByOurErrorHandler() {
		RecordingRecoverer own = new RecordingRecoverer();
		this.runner.withBean("ownRecoverer", ConsumerRecordRecoverer.class, () -> own).run((context) -> {
			assertThat(context).doesNotHaveBean(IntegrationEventDeadLetterRecoverer.class);
			IntegrationEventErrorHandler errorHandler = context.getBean(IntegrationEventErrorHandler.class);
			assertThat(handle(errorHandler, new io.momentum.kafka.cloudevents.UnreadableEventException("bad")))
				.isTrue();
			assertThat(own.recovered).hasSize(1);
		});
	}

	@Test
	void customizersAdjustOurErrorHandlerInOrder() {
		List<String> calls = new CopyOnWriteArrayList<>();
		this.runner.withBean("second", IntegrationEventErrorHandlerCustomizer.class, () -> new Second(calls))
			.withBean("first", IntegrationEventErrorHandlerCustomizer.class, () -> new First(calls))
			.run((context) -> {
				IntegrationEventErrorHandler errorHandler = context.getBean(IntegrationEventErrorHandler.class);
				assertThat(calls).containsExactly("first", "second");
				assertThat(errorHandler.isAckAfterHandle()).isFalse();
			});
	}

	private static boolean handle(IntegrationEventErrorHandler errorHandler, Exception exception) {
		MessageListenerContainer container = mock(MessageListenerContainer.class);
		given(container.getGroupId()).willReturn("group");
		@SuppressWarnings("unchecked")
		Consumer<byte[], byte[]> consumer = mock(Consumer.class);
		return errorHandler.handleOne(new ListenerExecutionFailedException("Listener failed", "group", exception),
				new ConsumerRecord<>(CASHIERS, 0, 0L, null, new byte[] { 1 }), consumer, container);
	}

	static class CashierHandler {

		@IntegrationEventHandler
		void on(CashierCreated event) {
		}

	}

	static class RecordingRecoverer implements ConsumerRecordRecoverer {

		final List<ConsumerRecord<?, ?>> recovered = new CopyOnWriteArrayList<>();

		@Override
		public void accept(ConsumerRecord<?, ?> record, Exception exception) {
			this.recovered.add(record);
		}

	}

	@Order(1)
	record First(List<String> calls) implements IntegrationEventErrorHandlerCustomizer {

		@Override
		public void customize(IntegrationEventErrorHandler errorHandler) {
			this.calls.add("first");
		}

	}

	@Order(2)
	record Second(List<String> calls) implements IntegrationEventErrorHandlerCustomizer {

		@Override
		public void customize(IntegrationEventErrorHandler errorHandler) {
			this.calls.add("second");
			errorHandler.setAckAfterHandle(false);
		}

	}

}
