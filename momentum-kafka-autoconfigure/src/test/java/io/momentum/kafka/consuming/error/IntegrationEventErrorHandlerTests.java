package io.momentum.kafka.consuming.error;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.momentum.kafka.cloudevents.SdkCloudEventReader;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.consuming.error.TestFailures.BusinessException;
import io.momentum.kafka.consuming.error.TestFailures.ListedException;
import io.momentum.kafka.consuming.error.TestFailures.TransientException;
import io.momentum.kafka.consuming.fixtures.CloudEventRecords;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.FixedBackOff;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

@ExtendWith(OutputCaptureExtension.class)
class IntegrationEventErrorHandlerTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private final RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, 2.0, Duration.ofMillis(400));

	private final Recoverer recoverer = new Recoverer();

	private final Outcomes outcomes = new Outcomes();

	private final IntegrationEventErrorHandler errorHandler = new IntegrationEventErrorHandler(this.recoverer,
			this.policy, new NonRetryableExceptions(List.of(ListedException.class)), new SdkCloudEventReader(),
			List.of(this.outcomes));

	@SuppressWarnings("unchecked")
	private final Consumer<byte[], byte[]> consumer = mock(Consumer.class);

	private final MessageListenerContainer container = container();

	@Test
	void retryableFailureIsRetriedThenRecoveredAfterMaxAttempts() {
		ConsumerRecord<byte[], byte[]> record = cashierCreated(7);
		assertThat(handle(record, new TransientException("attempt 1"))).isFalse();
		assertThat(handle(record, new TransientException("attempt 2"))).isFalse();
		assertThat(this.recoverer.recovered).isEmpty();
		assertThat(handle(record, new TransientException("attempt 3"))).isTrue();

		assertThat(this.recoverer.recovered).containsExactly(record);
		assertThat(this.recoverer.attempts).containsExactly(3);
		assertThat(this.outcomes.retried).extracting(ConsumptionFailure::attempts).containsExactly(1, 2);
		assertThat(this.outcomes.deadLettered).singleElement().satisfies((failure) -> {
			assertThat(failure.attempts()).isEqualTo(3);
			assertThat(failure.exception()).isInstanceOf(TransientException.class).hasMessage("attempt 3");
			assertThat(failure.cloudEventType()).isEqualTo("CashierCreated");
			assertThat(failure.groupId()).isEqualTo("appdomain-api");
			assertThat(failure.coordinates()).isEqualTo(TOPIC + "-3@7");
		});
	}

	@Test
	void nonRetryableFailuresAndUnreadableRecordsAreRecoveredAtOnce() {
		assertThat(handle(cashierCreated(1), new BusinessException("rejected"))).isTrue();
		assertThat(handle(cashierCreated(2), new ListedException("listed"))).isTrue();
		ConsumerRecord<byte[], byte[]> garbage = record(3, new byte[] { 0, 1 });
		assertThat(handle(garbage, new UnreadableEventException("not a CloudEvent"))).isTrue();

		assertThat(this.recoverer.attempts).containsExactly(1, 1, 1);
		assertThat(this.outcomes.retried).isEmpty();
		assertThat(this.outcomes.deadLettered).extracting(ConsumptionFailure::cloudEventType)
			.containsExactly("CashierCreated", "CashierCreated", null);
	}

	@Test
	void backOffFunctionOfACustomizerAppliesToRetryableFailuresOnly() {
		this.errorHandler.setBackOffFunction((record, exception) -> new FixedBackOff(0, 4));
		ConsumerRecord<byte[], byte[]> transientFailure = cashierCreated(1);
		for (int i = 0; i < 4; i++) {
			assertThat(handle(transientFailure, new TransientException("again"))).isFalse();
		}
		assertThat(handle(transientFailure, new TransientException("again"))).isTrue();
		assertThat(handle(cashierCreated(2), new BusinessException("rejected"))).isTrue();
		assertThat(this.recoverer.attempts).containsExactly(5, 1);
	}

	@Test
	void retryListenersOfACustomizerAreAddedToTheAttemptCounting() {
		AtomicInteger failedDeliveries = new AtomicInteger();
		this.errorHandler.setRetryListeners((RetryListener) (record, exception, attempt) -> failedDeliveries
			.incrementAndGet());
		ConsumerRecord<byte[], byte[]> record = cashierCreated(1);
		handle(record, new TransientException("1"));
		handle(record, new TransientException("2"));
		handle(record, new TransientException("3"));
		assertThat(failedDeliveries).hasValue(3);
		assertThat(this.recoverer.attempts).containsExactly(3);
	}

	@Test
	void failedDeadLetterIsNotRecoveredWaitsAGrowingBackOffAndIsTriedAgainWithoutNewRetries(CapturedOutput output) {
		this.recoverer.failures.set(2);
		ConsumerRecord<byte[], byte[]> record = cashierCreated(9);
		assertThat(handle(record, new BusinessException("rejected"))).isFalse();
		assertThat(handle(record, new BusinessException("rejected"))).isFalse();
		assertThat(handle(record, new BusinessException("rejected"))).isTrue();

		assertThat(this.outcomes.deadLetterFailed).extracting(ConsumptionFailure::attempts).containsExactly(1, 2);
		assertThat(this.outcomes.deadLettered).extracting(ConsumptionFailure::attempts).containsExactly(3);
		assertThat(this.outcomes.retried).isEmpty();
		String coordinates = TOPIC + "-3@9";
		assertThat(output).contains("Could not dead-letter record " + coordinates
				+ " of type 'CashierCreated' (attempt 1): its offset is not committed, the partition waits and tries "
				+ "the record again in 100 ms. Cause: dead-letter topic missing")
			.contains("Could not dead-letter record " + coordinates
					+ " of type 'CashierCreated' (attempt 2): its offset is not committed, the partition waits and "
					+ "tries the record again in 200 ms. Cause: dead-letter topic missing");
		assertThat(output.getOut().split("IllegalStateException: dead-letter topic missing", -1))
			.as("stack trace logged once").hasSize(2);
	}

	@Test
	void retryableFailureWhoseDeadLetterFailsIsNotRetriedFromScratch() {
		this.recoverer.failures.set(1);
		ConsumerRecord<byte[], byte[]> record = cashierCreated(5);
		handle(record, new TransientException("1"));
		handle(record, new TransientException("2"));
		assertThat(handle(record, new TransientException("3"))).isFalse();
		assertThat(handle(record, new TransientException("4"))).isTrue();
		assertThat(this.recoverer.attempts).containsExactly(4);
		assertThat(this.outcomes.retried).extracting(ConsumptionFailure::attempts).containsExactly(1, 2);
		assertThat(this.outcomes.deadLetterFailed).extracting(ConsumptionFailure::attempts).containsExactly(3);
	}

	@Test
	void failingObserverIsIgnored(CapturedOutput output) {
		IntegrationEventErrorHandler withFailingObserver = new IntegrationEventErrorHandler(this.recoverer,
				this.policy, new NonRetryableExceptions(List.of()), new SdkCloudEventReader(),
				List.of(new ConsumptionFailureObserver() {

					@Override
					public void onDeadLettered(ConsumptionFailure failure) {
						throw new IllegalStateException("observer broken");
					}

				}, this.outcomes));
		assertThat(withFailingObserver.handleOne(failure(new BusinessException("x")), cashierCreated(1), this.consumer,
				this.container))
			.isTrue();
		assertThat(this.outcomes.deadLettered).hasSize(1);
		assertThat(output).contains("ConsumptionFailureObserver").contains("observer broken");
	}

	@Test
	void stoppedContainerEndsTheDeadLetterBackOffAtOnce() {
		RetryPolicy slow = new RetryPolicy(3, Duration.ofMinutes(1), 2.0, Duration.ofMinutes(1));
		IntegrationEventErrorHandler errorHandler = new IntegrationEventErrorHandler(this.recoverer, slow,
				new NonRetryableExceptions(List.of()), new SdkCloudEventReader(), List.of());
		this.recoverer.failures.set(1);
		MessageListenerContainer stopped = container();
		given(stopped.isRunning()).willReturn(false);
		long start = System.nanoTime();
		assertThat(errorHandler.handleOne(failure(new BusinessException("x")), cashierCreated(1), this.consumer,
				stopped))
			.isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
	}

	private boolean handle(ConsumerRecord<byte[], byte[]> record, Exception exception) {
		return this.errorHandler.handleOne(failure(exception), record, this.consumer, this.container);
	}

	private static Exception failure(Exception cause) {
		return new ListenerExecutionFailedException("Listener failed", "appdomain-api", cause);
	}

	private static ConsumerRecord<byte[], byte[]> cashierCreated(long offset) {
		ProducerRecord<byte[], byte[]> record = CloudEventRecords.binary(TOPIC, "tenant-1",
				event("CashierCreated", java.util.Map.of("tenantId", "t"), "s"));
		return new ConsumerRecord<>(TOPIC, 3, offset, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
				record.value(), record.headers(), java.util.Optional.empty());
	}

	private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
		return new ConsumerRecord<>(TOPIC, 3, offset, null, value);
	}

	private static MessageListenerContainer container() {
		MessageListenerContainer container = mock(MessageListenerContainer.class);
		given(container.getGroupId()).willReturn("appdomain-api");
		given(container.isRunning()).willReturn(true);
		return container;
	}

	/** Records what it recovers and the attempt counts the handler tells it; can fail. */
	private final class Recoverer implements ConsumerAwareRecordRecoverer {

		final List<ConsumerRecord<?, ?>> recovered = new CopyOnWriteArrayList<>();

		final List<Integer> attempts = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		@Override
		public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
			if (this.failures.getAndDecrement() > 0) {
				throw new IllegalStateException("dead-letter topic missing");
			}
			this.recovered.add(record);
			this.attempts.add(IntegrationEventErrorHandlerTests.this.errorHandler.attempts(record));
		}

	}

}
