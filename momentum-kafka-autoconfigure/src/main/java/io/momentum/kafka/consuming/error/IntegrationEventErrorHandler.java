package io.momentum.kafka.consuming.error;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RecoveryStrategy;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.listener.SeekUtils;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of integration event listener containers: spring-kafka's
 * {@link DefaultErrorHandler} with Momentum's policy.
 * <ul>
 * <li>A failed record is retried in its partition (blocking, so order per key holds) with the
 * {@link RetryPolicy}'s exponential back-off, from the records already fetched (no seek: the
 * consumer is paused meanwhile), then handed to the recoverer, by default
 * {@link IntegrationEventDeadLetterRecoverer}, and the partition moves on. The dead-lettered
 * record's offset is committed like a handled one.</li>
 * <li>{@link NonRetryableExceptions non-retryable} failures, including unreadable records, go to
 * the recoverer after one attempt.</li>
 * <li>When the recoverer fails (dead-letter topic missing, broker unreachable), the record is not
 * committed: the partition stays on it and tries it again after a back-off that grows up to the
 * retry policy's {@code max-interval}, logging once per attempt. Nothing is lost and no tight loop
 * runs.</li>
 * <li>Every retry, dead letter and failed dead letter is reported to the
 * {@link ConsumptionFailureObserver}s.</li>
 * </ul>
 * Like its superclass it can be adjusted with {@link #addNotRetryableExceptions},
 * {@link #setBackOffFunction} (applied to retryable failures only), {@link #setRetryListeners}
 * (in addition to the attempt counting this class does) and the other settings of
 * {@link DefaultErrorHandler}; see {@link IntegrationEventErrorHandlerCustomizer}.
 */
public class IntegrationEventErrorHandler extends DefaultErrorHandler {

	private static final Log log = LogFactory.getLog(IntegrationEventErrorHandler.class);

	private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

	private final RetryPolicy policy;

	private final Predicate<Throwable> nonRetryable;

	private final CloudEventReader reader;

	private final List<ConsumptionFailureObserver> observers;

	private final @Nullable IntegrationEventDeadLetterRecoverer deadLetters;

	private final RetryListener attemptCounter = new AttemptCounter();

	private final ThreadLocal<@Nullable Attempt> lastAttempt = new ThreadLocal<>();

	private final Map<PartitionOfGroup, DeadLetterFailures> deadLetterFailures = new ConcurrentHashMap<>();

	private volatile BiFunction<ConsumerRecord<?, ?>, Exception, @Nullable BackOff> backOffFunction = (record,
			exception) -> null;

	/**
	 * Create an error handler.
	 * @param recoverer receives each record whose attempts are exhausted or whose failure is not
	 * retryable; when it is an {@link IntegrationEventDeadLetterRecoverer} it is told the attempt
	 * counts
	 * @param policy the retries and their back-off
	 * @param nonRetryable tells which failures are not retried
	 * @param reader reads the CloudEvents type of failed records, for logs and observers
	 * @param observers told about retries and dead letters
	 */
	public IntegrationEventErrorHandler(ConsumerRecordRecoverer recoverer, RetryPolicy policy,
			Predicate<Throwable> nonRetryable, CloudEventReader reader, List<ConsumptionFailureObserver> observers) {
		super(recoverer, policy.backOff());
		Assert.notNull(nonRetryable, "'nonRetryable' must not be null");
		Assert.notNull(reader, "'reader' must not be null");
		this.policy = policy;
		this.nonRetryable = nonRetryable;
		this.reader = reader;
		this.observers = List.copyOf(observers);
		this.deadLetters = (recoverer instanceof IntegrationEventDeadLetterRecoverer deadLetterRecoverer)
				? deadLetterRecoverer : null;
		if (this.deadLetters != null) {
			this.deadLetters.setAttempts(this::attempts);
		}
		super.setBackOffFunction(this::backOff);
		super.setRetryListeners(this.attemptCounter);
		// After a failed dead letter, the next delivery goes straight back to the recoverer (the
		// retries were spent) and waits the dead-letter back-off of this class.
		setResetStateOnRecoveryFailure(false);
		// Retry from the records already fetched (the consumer is paused meanwhile) instead of
		// seeking: a seek makes the next fetch wait up to fetch.max.wait.ms, per failed record.
		// Either way an unhandled record is not committed.
		setSeekAfterError(false);
	}

	/**
	 * Set a function that chooses the back-off of a retryable failure; {@code null} from the
	 * function means the {@link RetryPolicy}'s. Non-retryable failures are never retried,
	 * whatever the function returns.
	 * @param backOffFunction the function
	 */
	@Override
	public void setBackOffFunction(BiFunction<ConsumerRecord<?, ?>, Exception, @Nullable BackOff> backOffFunction) {
		Assert.notNull(backOffFunction, "'backOffFunction' must not be null");
		this.backOffFunction = backOffFunction;
	}

	/**
	 * Set listeners told about each failed delivery and recovery, in addition to the attempt
	 * counting of this handler.
	 * @param listeners the listeners
	 */
	@Override
	public void setRetryListeners(RetryListener... listeners) {
		List<RetryListener> all = new ArrayList<>();
		all.add(this.attemptCounter);
		all.addAll(Arrays.asList(listeners));
		super.setRetryListeners(all.toArray(RetryListener[]::new));
	}

	/**
	 * The retry policy this handler was created with.
	 * @return the policy
	 */
	public RetryPolicy getRetryPolicy() {
		return this.policy;
	}

	/**
	 * The number of attempts made so far for a record this thread is handling.
	 * @param record the record
	 * @return the attempts, 1 when the record has not failed before on this thread
	 */
	public int attempts(ConsumerRecord<?, ?> record) {
		Attempt attempt = this.lastAttempt.get();
		return (attempt != null && attempt.isOf(record)) ? attempt.attempts() : 1;
	}

	private @Nullable BackOff backOff(ConsumerRecord<?, ?> record, Exception exception) {
		return this.nonRetryable.test(exception) ? NO_RETRIES : this.backOffFunction.apply(record, exception);
	}

	@Override
	public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records,
			Consumer<?, ?> consumer, MessageListenerContainer container) {
		SeekUtils.seekOrRecover(thrownException, records, consumer, container, isCommitRecovered(), this::recover,
				this.logger, getLogLevel());
	}

	@Override
	public boolean handleOne(Exception thrownException, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer,
			MessageListenerContainer container) {
		try {
			return recover(record, thrownException, container, consumer);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean recover(ConsumerRecord<?, ?> record, @Nullable Exception exception,
			@Nullable MessageListenerContainer container, @Nullable Consumer<?, ?> consumer)
			throws InterruptedException {
		RecoveryStrategy tracker = getFailureTracker();
		Exception failure = Objects.requireNonNull(exception, "exception");
		boolean recovered;
		try {
			recovered = tracker.recovered(record, failure, container, consumer);
		}
		catch (RuntimeException ex) {
			// Only the recoverer throws here: the record was not dead-lettered.
			deadLetterFailed(record, describe(record, failure, container), container, ex);
			return false;
		}
		ConsumptionFailure failed = describe(record, failure, container);
		if (recovered) {
			this.deadLetterFailures.remove(new PartitionOfGroup(failed));
			logRecovered(failed);
			notifyObservers(failed, (observer) -> observer.onDeadLettered(failed));
		}
		else {
			if (log.isWarnEnabled()) {
				log.warn("Attempt " + failed.attempts() + " to handle record " + failed.coordinates() + typeOf(failed)
						+ " failed, retrying: " + FailureCauses.describe(failure));
			}
			notifyObservers(failed, (observer) -> observer.onRetried(failed));
		}
		return recovered;
	}

	private void deadLetterFailed(ConsumerRecord<?, ?> record, ConsumptionFailure failed,
			@Nullable MessageListenerContainer container, RuntimeException publishFailure) throws InterruptedException {
		DeadLetterFailures failures = this.deadLetterFailures.compute(new PartitionOfGroup(failed),
				(key, previous) -> (previous != null && previous.offset() == record.offset()) ? previous
						: new DeadLetterFailures(record.offset(), this.policy.deadLetterBackOff().start()));
		int count = failures.increment();
		long wait = failures.execution().nextBackOff();
		if (wait == BackOffExecution.STOP) {
			wait = this.policy.maxInterval().toMillis();
		}
		String message = "Could not dead-letter record " + failed.coordinates() + typeOf(failed) + " (attempt "
				+ count + "): its offset is not committed, the partition waits and tries the record again in " + wait
				+ " ms. Cause: " + describeCause(publishFailure);
		if (count == 1) {
			log.error(message, publishFailure);
		}
		else {
			log.error(message);
		}
		notifyObservers(failed, (observer) -> observer.onDeadLetterFailed(failed, publishFailure));
		if (container != null) {
			ListenerUtils.stoppableSleep(container, wait);
		}
		else {
			Thread.sleep(wait);
		}
	}

	private void logRecovered(ConsumptionFailure failed) {
		String destination = (this.deadLetters != null)
				? "sent to dead-letter topic " + this.deadLetters.deadLetterTopic(failed.topic())
				: "handed to the recoverer";
		UnreadableEventException unreadable = FailureCauses.unreadable(failed.exception());
		if (unreadable != null) {
			log.warn("Unreadable record " + failed.coordinates() + typeOf(failed) + " " + destination + ": "
					+ unreadable.getMessage());
		}
		else if (log.isErrorEnabled()) {
			log.error("Record " + failed.coordinates() + typeOf(failed) + " " + destination + " after "
					+ failed.attempts() + ((failed.attempts() == 1) ? " attempt" : " attempts") + ": "
					+ failed.exception(), failed.exception());
		}
	}

	private ConsumptionFailure describe(ConsumerRecord<?, ?> record, Exception exception,
			@Nullable MessageListenerContainer container) {
		return new ConsumptionFailure(record.topic(), record.partition(), record.offset(),
				(container != null) ? container.getGroupId() : null, cloudEventType(record),
				FailureCauses.unwrap(exception), attempts(record));
	}

	private @Nullable String cloudEventType(ConsumerRecord<?, ?> record) {
		Object value = record.value();
		byte[] bytes = (value instanceof byte[] raw) ? raw
				: (value instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : null;
		if (bytes == null) {
			return null;
		}
		try {
			return this.reader.read(record.headers(), bytes).getType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String typeOf(ConsumptionFailure failed) {
		return (failed.cloudEventType() != null) ? " of type '" + failed.cloudEventType() + "'" : "";
	}

	private static String describeCause(Throwable failure) {
		StringBuilder description = new StringBuilder(failure.getMessage() != null ? failure.getMessage()
				: failure.getClass().getName());
		Throwable cause = failure.getCause();
		for (int depth = 0; cause != null && cause != failure && depth < 8; depth++, cause = cause.getCause()) {
			description.append("; ").append(cause);
		}
		return description.toString();
	}

	private void notifyObservers(ConsumptionFailure failed,
			java.util.function.Consumer<ConsumptionFailureObserver> notification) {
		for (ConsumptionFailureObserver observer : this.observers) {
			try {
				notification.accept(observer);
			}
			catch (RuntimeException ex) {
				log.warn("ConsumptionFailureObserver " + observer + " failed for record " + failed.coordinates()
						+ "; ignored", ex);
			}
		}
	}

	/**
	 * Records, per consumer thread, how many deliveries of the record it handles failed.
	 */
	private final class AttemptCounter implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
			IntegrationEventErrorHandler.this.lastAttempt
				.set(new Attempt(record.topic(), record.partition(), record.offset(), deliveryAttempt));
		}

	}

	private record Attempt(String topic, int partition, long offset, int attempts) {

		boolean isOf(ConsumerRecord<?, ?> record) {
			return this.offset == record.offset() && this.partition == record.partition()
					&& this.topic.equals(record.topic());
		}

	}

	private record PartitionOfGroup(@Nullable String groupId, String topic, int partition) {

		PartitionOfGroup(ConsumptionFailure failure) {
			this(failure.groupId(), failure.topic(), failure.partition());
		}

	}

	private static final class DeadLetterFailures {

		private final long offset;

		private final BackOffExecution execution;

		private int failed;

		DeadLetterFailures(long offset, BackOffExecution execution) {
			this.offset = offset;
			this.execution = execution;
		}

		long offset() {
			return this.offset;
		}

		BackOffExecution execution() {
			return this.execution;
		}

		int increment() {
			return ++this.failed;
		}

	}

}
