package io.momentum.kafka.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.momentum.kafka.cloudevents.CloudEventTypeMatcher;
import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.consuming.error.DeadLetterTopicResolver;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.Assert;

/**
 * Sees every integration event the application publishes and every record its integration event
 * listener containers finish with, and lets a test wait for them: the Java form of Momentum's
 * {@code WaitForMessageProcessing()}. A bean in every {@link MomentumKafkaTest} context; what it
 * recorded is cleared before each test method.
 *
 * <pre class="code">
 * PublishResult result = publisher.publishAndWait(new CashierCreated(tenantId, cashier));
 * recorder.awaitHandled(result, Duration.ofSeconds(10));
 * assertThat(recorder.published(CashierCreated.class)).singleElement()
 *     .satisfies((published) -&gt; assertThat(published.key()).isEqualTo(tenantId.toString()));
 * </pre>
 * <p>
 * Published and consumed records are matched by topic, partition and offset. Every wait is
 * bounded: at the timeout it fails with an {@link AssertionError} that lists what was published
 * since the test started, what became of each event, and the state of the listener containers.
 * A wait also fails as soon as its outcome is known to be wrong (a record awaited as handled was
 * dead-lettered or skipped), without waiting for the timeout. Thread-safe.
 */
public final class IntegrationEventRecorder {

	private static final Duration RECHECK_INTERVAL = Duration.ofMillis(100);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final Supplier<@Nullable EventCatalog> catalog;

	private final Supplier<? extends Map<String, ? extends MessageListenerContainer>> containers;

	private final Supplier<Map<String, Object>> consumerProperties;

	private final DeadLetterTopicResolver deadLetterTopics;

	private final Object monitor = new Object();

	private final List<PublishedEvent<?>> published = new ArrayList<>();

	private final Map<String, PublishedEvent<?>> publishedById = new HashMap<>();

	private final List<IntegrationEventPublishException> publishFailures = new ArrayList<>();

	private int inFlight;

	private final List<ConsumedEvent> consumed = new ArrayList<>();

	private final Map<RecordCoordinates, ConsumedEvent> finished = new HashMap<>();

	private final Map<RecordCoordinates, List<Throwable>> failedAttempts = new HashMap<>();

	private final Set<RecordCoordinates> expectedDeadLetters = new HashSet<>();

	/**
	 * Create a recorder.
	 * @param catalog supplies the application's event catalog, {@code null} when it has none
	 * @param containers supplies the application's integration event listener containers by
	 * topic, empty when it consumes nothing
	 * @param consumerProperties supplies kafka-clients properties (connection and security) for
	 * the consumer that reads dead-letter topics
	 */
	IntegrationEventRecorder(Supplier<@Nullable EventCatalog> catalog,
			Supplier<? extends Map<String, ? extends MessageListenerContainer>> containers,
			Supplier<Map<String, Object>> consumerProperties) {
		this.catalog = catalog;
		this.containers = containers;
		this.consumerProperties = consumerProperties;
		this.deadLetterTopics = new DeadLetterTopicResolver(catalog);
	}

	/**
	 * The events the application published and the broker acknowledged since the test method
	 * started, in the order of the acknowledgements.
	 * @return the events
	 */
	public List<PublishedEvent<?>> published() {
		synchronized (this.monitor) {
			return List.copyOf(this.published);
		}
	}

	/**
	 * The published events of one type (or its subtypes) since the test method started.
	 * @param <T> the event type
	 * @param eventType the event class, for example {@code CashierCreated.class}
	 * @return the events, with their ids, keys, topics, partitions and offsets
	 */
	@SuppressWarnings("unchecked")
	public <T> List<PublishedEvent<T>> published(Class<T> eventType) {
		Assert.notNull(eventType, "'eventType' must not be null");
		List<PublishedEvent<T>> events = new ArrayList<>();
		for (PublishedEvent<?> event : published()) {
			if (eventType.isInstance(event.event())) {
				events.add((PublishedEvent<T>) event);
			}
		}
		return events;
	}

	/**
	 * The records the application's integration event listener containers finished with since
	 * the test method started (whoever published them), in the order they finished.
	 * @return the records with their outcomes
	 */
	public List<ConsumedEvent> consumed() {
		synchronized (this.monitor) {
			return List.copyOf(this.consumed);
		}
	}

	/**
	 * The records of one event type (or its subtypes) the listener containers finished with since
	 * the test method started.
	 * @param eventType the event class
	 * @return the records with their outcomes
	 */
	public List<ConsumedEvent> consumed(Class<?> eventType) {
		Assert.notNull(eventType, "'eventType' must not be null");
		return consumed().stream()
			.filter((event) -> event.eventType() != null && eventType.isAssignableFrom(event.eventType()))
			.toList();
	}

	/**
	 * Wait until the application handled a published event: its handler returned.
	 * @param result what the publisher returned for the event
	 * @param timeout how long to wait at most
	 * @return the consumed record, with outcome {@link Outcome#SUCCESS SUCCESS}
	 * @throws AssertionError at the timeout, when no listener container of the application reads
	 * the event's topic, or as soon as the record was dead-lettered or skipped
	 */
	public ConsumedEvent awaitHandled(PublishResult result, Duration timeout) {
		String event = checkAwaitable(result, timeout);
		RecordCoordinates coordinates = new RecordCoordinates(result.topic(), result.partition(), result.offset());
		return await(timeout, () -> {
			ConsumedEvent consumed = this.finished.get(coordinates);
			if (consumed == null) {
				return null;
			}
			if (consumed.outcome() != Outcome.SUCCESS) {
				throw failure(event + " was " + consumed.outcome().description() + " instead of handled", consumed);
			}
			return consumed;
		}, () -> event + " was not handled within " + timeout);
	}

	/**
	 * Wait until the application handled an event it published since the test method started.
	 * @param eventId the CloudEvents {@code id} of the event ({@link PublishResult#eventId()})
	 * @param timeout how long to wait at most
	 * @return the consumed record, with outcome {@link Outcome#SUCCESS SUCCESS}
	 * @throws AssertionError when the application published no event with this id since the test
	 * method started, and as {@link #awaitHandled(PublishResult, Duration)} does
	 */
	public ConsumedEvent awaitHandled(String eventId, Duration timeout) {
		return awaitHandled(requirePublished(eventId).result(), timeout);
	}

	/**
	 * Wait until every event the application published since the test method started, on a topic
	 * it also consumes, was handled or skipped: Momentum's {@code WaitForMessageProcessing()}.
	 * Events published while waiting (for example by the handlers) are waited for too, and so
	 * are publishes not yet acknowledged. Events on topics the application does not consume are
	 * not waited for.
	 * @param timeout how long to wait at most
	 * @return the consumed records of the published events, in publish order
	 * @throws AssertionError at the timeout, as soon as one of the events was dead-lettered
	 * (unless it was awaited with {@code awaitDeadLettered}), or when a publish failed since the
	 * test method started (the cause is the first {@code IntegrationEventPublishException})
	 */
	public List<ConsumedEvent> awaitAllPublishedHandled(Duration timeout) {
		checkTimeout(timeout);
		return await(timeout, () -> {
			if (!this.publishFailures.isEmpty()) {
				AssertionError error = new AssertionError(this.publishFailures.size()
						+ " publish(es) failed since the test method started, so not every event can be handled.\n"
						+ listing());
				error.initCause(this.publishFailures.get(0));
				throw error;
			}
			if (this.inFlight > 0) {
				return null;
			}
			List<ConsumedEvent> results = new ArrayList<>();
			boolean pending = false;
			for (PublishedEvent<?> event : this.published) {
				if (!isConsumedHere(event.topic())) {
					continue;
				}
				ConsumedEvent consumed = this.finished.get(event.coordinates());
				if (consumed == null) {
					pending = true;
					continue;
				}
				if (consumed.outcome() == Outcome.DEAD_LETTERED
						&& !this.expectedDeadLetters.contains(event.coordinates())) {
					throw failure(event + " was dead-lettered (await it with awaitDeadLettered when that is expected)",
							consumed);
				}
				results.add(consumed);
			}
			return pending ? null : results;
		}, () -> "Not every published event was handled within " + timeout);
	}

	/**
	 * Wait until a published event was dead-lettered, and read it back from its dead-letter
	 * topic with a consumer of its own.
	 * @param result what the publisher returned for the event
	 * @param timeout how long to wait at most
	 * @return the dead-letter record, with the original headers and the {@code kafka_dlt-*}
	 * headers
	 * @throws AssertionError at the timeout, when no listener container of the application reads
	 * the event's topic, or as soon as the event was handled or skipped instead
	 */
	public DeadLetter awaitDeadLettered(PublishResult result, Duration timeout) {
		String event = checkAwaitable(result, timeout);
		RecordCoordinates coordinates = new RecordCoordinates(result.topic(), result.partition(), result.offset());
		synchronized (this.monitor) {
			this.expectedDeadLetters.add(coordinates);
		}
		String deadLetterTopic = this.deadLetterTopics.deadLetterTopic(result.topic());
		long deadline = System.nanoTime() + timeout.toNanos();
		List<RecordCoordinates> others = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = deadLetterConsumer()) {
			boolean assigned = false;
			while (true) {
				synchronized (this.monitor) {
					ConsumedEvent consumed = this.finished.get(coordinates);
					if (consumed != null && consumed.outcome() != Outcome.DEAD_LETTERED) {
						throw failure(event + " was " + consumed.outcome().description() + " instead of dead-lettered",
								consumed);
					}
				}
				if (!assigned) {
					assigned = assignAll(consumer, deadLetterTopic);
				}
				if (assigned) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_INTERVAL)) {
						DeadLetter deadLetter = new DeadLetter(record);
						if (deadLetter.isFrom(coordinates)) {
							return deadLetter;
						}
						others.add(new RecordCoordinates(String.valueOf(deadLetter.originalTopic()),
								deadLetter.originalPartition(), deadLetter.originalOffset()));
					}
				}
				else {
					sleep(POLL_INTERVAL);
				}
				if (System.nanoTime() - deadline >= 0) {
					String read = assigned ? "it holds dead letters of " + others
							: "the topic does not exist or has no partitions";
					synchronized (this.monitor) {
						throw new AssertionError(event + " was not dead-lettered to " + deadLetterTopic + " within "
								+ timeout + " (" + read + ").\n" + listing());
					}
				}
			}
		}
	}

	/**
	 * Wait until an event the application published since the test method started was
	 * dead-lettered, and read it back from its dead-letter topic.
	 * @param eventId the CloudEvents {@code id} of the event ({@link PublishResult#eventId()})
	 * @param timeout how long to wait at most
	 * @return the dead-letter record
	 * @throws AssertionError when the application published no event with this id since the test
	 * method started, and as {@link #awaitDeadLettered(PublishResult, Duration)} does
	 */
	public DeadLetter awaitDeadLettered(String eventId, Duration timeout) {
		return awaitDeadLettered(requirePublished(eventId).result(), timeout);
	}

	/**
	 * Forget everything recorded so far; done before each test method. Publishes still in flight
	 * are recorded when they are acknowledged.
	 */
	public void clear() {
		synchronized (this.monitor) {
			this.published.clear();
			this.publishedById.clear();
			this.publishFailures.clear();
			this.consumed.clear();
			this.finished.clear();
			this.failedAttempts.clear();
			this.expectedDeadLetters.clear();
		}
	}

	/**
	 * What was published since the test method started and what became of it, as the failure
	 * messages show it.
	 * @return the listing
	 */
	@Override
	public String toString() {
		synchronized (this.monitor) {
			return listing();
		}
	}

	/**
	 * Wait until no publish is in flight and every published event on a consumed topic was
	 * finished with, so that nothing of one test is handled during the next.
	 * @param timeout how long to wait at most
	 * @return {@code null} when quiet, else the listing of what is still pending
	 */
	@Nullable String drain(Duration timeout) {
		try {
			await(timeout, () -> isQuiet() ? Boolean.TRUE : null, () -> "Not quiet");
			return null;
		}
		catch (AssertionError ex) {
			synchronized (this.monitor) {
				return listing();
			}
		}
	}

	// Called by the recording listeners.

	void publishing() {
		synchronized (this.monitor) {
			this.inFlight++;
		}
	}

	void published(Object event, PublishResult result) {
		synchronized (this.monitor) {
			this.inFlight = Math.max(0, this.inFlight - 1);
			PublishedEvent<?> published = PublishedEvent.of(result, event);
			this.published.add(published);
			this.publishedById.put(published.id(), published);
			this.monitor.notifyAll();
		}
	}

	void publishFailed(IntegrationEventPublishException failure) {
		synchronized (this.monitor) {
			this.inFlight = Math.max(0, this.inFlight - 1);
			this.publishFailures.add(failure);
			this.monitor.notifyAll();
		}
	}

	void finished(Consumption consumption, Outcome outcome) {
		finished(consumption.topic(), consumption.partition(), consumption.offset(), consumption.groupId(),
				consumption.cloudEventType(), consumption.eventType(), outcome, null);
	}

	void failedAttempt(String topic, int partition, long offset, Throwable failure) {
		synchronized (this.monitor) {
			this.failedAttempts.computeIfAbsent(new RecordCoordinates(topic, partition, offset), (key) -> new ArrayList<>())
				.add(failure);
			this.monitor.notifyAll();
		}
	}

	void deadLettered(String topic, int partition, long offset, @Nullable String groupId,
			@Nullable String cloudEventType, Throwable failure) {
		finished(topic, partition, offset, groupId, cloudEventType, eventType(topic, cloudEventType),
				Outcome.DEAD_LETTERED, failure);
	}

	private void finished(String topic, int partition, long offset, @Nullable String groupId,
			@Nullable String cloudEventType, @Nullable Class<?> eventType, Outcome outcome,
			@Nullable Throwable lastFailure) {
		RecordCoordinates coordinates = new RecordCoordinates(topic, partition, offset);
		synchronized (this.monitor) {
			List<Throwable> failures = this.failedAttempts.remove(coordinates);
			if (failures == null) {
				failures = new ArrayList<>();
			}
			if (lastFailure != null) {
				failures.add(lastFailure);
			}
			ConsumedEvent consumed = new ConsumedEvent(topic, partition, offset, groupId, cloudEventType, eventType,
					outcome, failures);
			this.consumed.add(consumed);
			this.finished.put(coordinates, consumed);
			this.monitor.notifyAll();
		}
	}

	private @Nullable Class<?> eventType(String topic, @Nullable String cloudEventType) {
		EventCatalog catalog = this.catalog.get();
		if (catalog == null || cloudEventType == null) {
			return null;
		}
		CloudEventTypeMatcher.Builder<Class<?>> types = CloudEventTypeMatcher.builder();
		catalog.eventsOn(topic)
			.forEach((descriptor) -> types.add(descriptor.cloudEventType(), descriptor.eventType(),
					descriptor.eventType()));
		return types.build().match(cloudEventType);
	}

	private <R> R await(Duration timeout, Supplier<@Nullable R> condition, Supplier<String> timeoutMessage) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			while (true) {
				R result = condition.get();
				if (result != null) {
					return result;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw new AssertionError(timeoutMessage.get() + ".\n" + listing());
				}
				// Bounded, so that state the recorder is not told about (containers) is read again.
				long waitMillis = Math.min(TimeUnit.NANOSECONDS.toMillis(remaining) + 1, RECHECK_INTERVAL.toMillis());
				try {
					this.monitor.wait(waitMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for integration events", ex);
				}
			}
		}
	}

	private boolean isQuiet() {
		if (this.inFlight > 0) {
			return false;
		}
		for (PublishedEvent<?> event : this.published) {
			if (isConsumedHere(event.topic()) && !this.finished.containsKey(event.coordinates())) {
				return false;
			}
		}
		return true;
	}

	private PublishedEvent<?> requirePublished(String eventId) {
		Assert.hasText(eventId, "'eventId' must not be empty");
		synchronized (this.monitor) {
			PublishedEvent<?> event = this.publishedById.get(eventId);
			if (event == null) {
				throw new AssertionError("No event with id " + eventId
						+ " was published (and acknowledged) by this application since the test method started.\n"
						+ listing());
			}
			return event;
		}
	}

	/**
	 * Check the arguments of a wait for one event, and that a listener container of the
	 * application reads its topic.
	 * @return the description of the event for messages
	 */
	private String checkAwaitable(PublishResult result, Duration timeout) {
		Assert.notNull(result, "'result' must not be null");
		checkTimeout(timeout);
		String event = describe(result);
		if (!isConsumedHere(result.topic())) {
			synchronized (this.monitor) {
				throw new AssertionError(event + " cannot be handled here: no listener container of this application "
						+ "reads topic " + result.topic() + " (is there an @IntegrationEventHandler for its type, and "
						+ "momentum.kafka.consumer.enabled not false?).\n" + listing());
			}
		}
		return event;
	}

	private boolean isConsumedHere(String topic) {
		return this.containers.get().containsKey(topic);
	}

	private String describe(PublishResult result) {
		synchronized (this.monitor) {
			PublishedEvent<?> event = this.publishedById.get(result.eventId());
			if (event != null) {
				return "Event " + event;
			}
		}
		return "Event " + result.type() + " id " + result.eventId() + " key " + result.key() + " -> "
				+ new RecordCoordinates(result.topic(), result.partition(), result.offset());
	}

	private AssertionError failure(String message, ConsumedEvent consumed) {
		AssertionError error = new AssertionError(message + ": " + consumed + ".\n" + listing());
		if (!consumed.failures().isEmpty()) {
			error.initCause(consumed.failures().get(consumed.failures().size() - 1));
		}
		return error;
	}

	private KafkaConsumer<byte[], byte[]> deadLetterConsumer() {
		Map<String, Object> properties = new HashMap<>(this.consumerProperties.get());
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.remove(ConsumerConfig.CLIENT_ID_CONFIG);
		properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		properties.remove(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private static boolean assignAll(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		List<PartitionInfo> partitions = consumer.partitionsFor(topic, POLL_INTERVAL.multipliedBy(5));
		if (partitions == null || partitions.isEmpty()) {
			return false;
		}
		List<TopicPartition> assignment = partitions.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		consumer.assign(assignment);
		consumer.seekToBeginning(assignment);
		return true;
	}

	/**
	 * The listing of failure messages: every event published since the test method started
	 * with what became of it, the publishes in flight or failed, the records consumed that this
	 * application did not publish, and the listener containers. Called holding the monitor.
	 */
	private String listing() {
		StringBuilder listing = new StringBuilder("Published since the test method started (")
			.append(this.published.size())
			.append("):");
		if (this.published.isEmpty()) {
			listing.append(" none");
		}
		Set<RecordCoordinates> publishedCoordinates = new HashSet<>();
		for (PublishedEvent<?> event : this.published) {
			publishedCoordinates.add(event.coordinates());
			listing.append("\n  ").append(event).append(": ").append(status(event));
		}
		if (this.inFlight > 0) {
			listing.append("\nPublishes not acknowledged yet: ").append(this.inFlight);
		}
		if (!this.publishFailures.isEmpty()) {
			listing.append("\nPublishes that failed (").append(this.publishFailures.size()).append("):");
			this.publishFailures.forEach((failure) -> listing.append("\n  ").append(failure.getMessage()));
		}
		List<ConsumedEvent> others = this.consumed.stream()
			.filter((consumed) -> !publishedCoordinates.contains(consumed.coordinates()))
			.toList();
		if (!others.isEmpty()) {
			listing.append("\nConsumed, not published by this application since the test method started (")
				.append(others.size())
				.append("):");
			others.forEach((consumed) -> listing.append("\n  ").append(consumed));
		}
		listing.append("\nListener containers: ").append(describeContainers());
		return listing.toString();
	}

	private String status(PublishedEvent<?> event) {
		if (!isConsumedHere(event.topic())) {
			return "not consumed by this application";
		}
		ConsumedEvent consumed = this.finished.get(event.coordinates());
		if (consumed != null) {
			return consumed.outcome().description() + ((consumed.failures().isEmpty()) ? ""
					: " after " + consumed.failures().size() + " failed attempt(s), last: "
							+ consumed.failures().get(consumed.failures().size() - 1));
		}
		List<Throwable> failures = this.failedAttempts.get(event.coordinates());
		if (failures != null) {
			return "NOT HANDLED YET, " + failures.size() + " failed attempt(s) so far, last: "
					+ failures.get(failures.size() - 1);
		}
		return "NOT HANDLED YET";
	}

	private String describeContainers() {
		Map<String, ? extends MessageListenerContainer> containers = this.containers.get();
		if (containers.isEmpty()) {
			return "none (the application has no @IntegrationEventHandler)";
		}
		StringBuilder description = new StringBuilder();
		containers.forEach((topic, container) -> description.append("\n  ")
			.append(topic)
			.append(": ")
			.append(describe(container)));
		return description.toString();
	}

	private static String describe(MessageListenerContainer container) {
		if (!container.isRunning()) {
			return "stopped";
		}
		Collection<TopicPartition> assigned = container.getAssignedPartitions();
		return "running, group " + container.getGroupId() + ", assigned "
				+ ((assigned != null) ? assigned.stream().map(TopicPartition::toString).sorted().toList() : "[]");
	}

	private static void checkTimeout(Duration timeout) {
		Assert.isTrue(timeout != null && !timeout.isNegative(), "'timeout' must not be negative");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a dead letter", ex);
		}
	}

}
