package io.momentum.kafka.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.momentum.kafka.cloudevents.CloudEventRecord;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.util.Assert;

/**
 * The {@link IntegrationEventPublisher} on a {@link KafkaTemplate}: looks the event type up in
 * the {@link EventCatalog}, writes the event with a {@link CloudEventRecordFactory}, checks the
 * record against {@code max.request.size}, sends it and reports the broker's answer to the caller
 * and to the {@link PublishListener}s.
 * <p>
 * The publisher owns its template and closes its producer when the application context closes
 * (pending records are flushed first); publishing afterwards throws
 * {@link IllegalStateException}.
 */
public class KafkaIntegrationEventPublisher implements IntegrationEventPublisher, DisposableBean {

	private static final Log logger = LogFactory.getLog(KafkaIntegrationEventPublisher.class);

	private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

	private static final String CLIENT_ID_SUFFIX = "-integration-events";

	/**
	 * What an observed send adds to a record after the size check: the send observation's {@code traceparent} and
	 * {@code tracestate} headers and the same context as CloudEvents extension (headers, or in structured mode
	 * envelope attributes).
	 */
	static final int TRACE_CONTEXT_RESERVE = 512;

	private final EventCatalog catalog;

	private final CloudEventRecordFactory recordFactory;

	private final KafkaTemplate<String, byte[]> template;

	/** Whether records go through the template (observed) or straight to its factory's producer. */
	private final boolean throughTemplate;

	private final PublishListener[] listeners;

	private final Duration timeout;

	private final int maxRequestSize;

	/** Bytes kept free below {@code max.request.size} for what is added after the size check. */
	private final int sizeReserve;

	private final String producerSettings;

	private volatile boolean closed;

	/**
	 * Create a publisher.
	 * @param catalog the application's event types
	 * @param recordFactory writes events as CloudEvents records
	 * @param template sends the records; the publisher owns it and closes its producer factory
	 * on {@link #destroy()}
	 * @param listeners called on the outcome of every publish, in order
	 * @param timeout how long the blocking methods wait for acknowledgements
	 */
	public KafkaIntegrationEventPublisher(EventCatalog catalog, CloudEventRecordFactory recordFactory,
			KafkaTemplate<String, byte[]> template, List<PublishListener> listeners, Duration timeout) {
		this(catalog, recordFactory, template, listeners, timeout, true);
	}

	/**
	 * Create a publisher.
	 * @param catalog the application's event types
	 * @param recordFactory writes events as CloudEvents records
	 * @param template sends the records; the publisher owns it and closes its producer factory
	 * on {@link #destroy()}
	 * @param listeners called on the outcome of every publish, in order
	 * @param timeout how long the blocking methods wait for acknowledgements
	 * @param observed whether sends go through the template, for its observation (timers, trace
	 * propagation); {@code false} hands each record straight to the producer of the template's
	 * factory, with the same outcomes and errors and less work per event (no template future, no
	 * observation scope)
	 */
	public KafkaIntegrationEventPublisher(EventCatalog catalog, CloudEventRecordFactory recordFactory,
			KafkaTemplate<String, byte[]> template, List<PublishListener> listeners, Duration timeout,
			boolean observed) {
		Assert.notNull(catalog, "'catalog' must not be null");
		Assert.notNull(recordFactory, "'recordFactory' must not be null");
		Assert.notNull(template, "'template' must not be null");
		Assert.notNull(listeners, "'listeners' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.catalog = catalog;
		this.recordFactory = recordFactory;
		this.template = template;
		this.throughTemplate = observed;
		this.listeners = listeners.toArray(new PublishListener[0]);
		this.timeout = timeout;
		Map<String, Object> configs = template.getProducerFactory().getConfigurationProperties();
		this.maxRequestSize = DerivedProducerFactory.intConfig(configs, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE);
		this.sizeReserve = observed ? TRACE_CONTEXT_RESERVE : 0;
		this.producerSettings = ProducerConfig.BOOTSTRAP_SERVERS_CONFIG + "="
				+ configs.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) + ", "
				+ ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG + "="
				+ configs.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120000) + " ms, "
				+ ProducerConfig.MAX_BLOCK_MS_CONFIG + "=" + configs.getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60000)
				+ " ms";
	}

	/**
	 * Create the template a publisher uses from the application's producer factory: the same
	 * configuration (connection, security, producer defaults, {@code spring.kafka.producer.*}),
	 * listeners and post-processors, with String keys and byte[] values. The publisher's producer
	 * is not transactional, and its {@code client.id}, when one is configured, ends with
	 * {@code -integration-events}. When the template observes its sends, the CloudEvents
	 * {@code traceparent}/{@code tracestate} extension of each record is set to the trace context
	 * the observation writes into the record's headers (its producer span), so that both name
	 * the same span.
	 * @param source the application's producer factory
	 * @return a template over a new producer factory, which the caller must close
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static KafkaTemplate<String, byte[]> createTemplate(ProducerFactory<?, ?> source) {
		DefaultKafkaProducerFactory<String, byte[]> factory = DerivedProducerFactory.derive(source, CLIENT_ID_SUFFIX,
				new StringSerializer(), new ByteArraySerializer(), (configs) -> {
				});
		if (source.transactionCapable()) {
			logger.info("The IntegrationEventPublisher does not take part in Kafka transactions: its producer "
					+ "is not transactional although spring.kafka.producer.transaction-id-prefix is set");
		}
		// Failures are reported through the futures and logged here without payloads.
		KafkaTemplate<String, byte[]> template = DerivedProducerFactory.quietTemplate(factory);
		// Called inside the send observation, once it wrote its producer span into the headers; only
		// observed sends go through the template.
		template.setProducerInterceptor(new TraceContextExtensionInterceptor());
		return template;
	}

	@Override
	public CompletableFuture<PublishResult> publish(Object event, Map<String, ?> extensions) {
		return publishOne(event, extensions).future();
	}

	@Override
	public PublishResult publishAndWait(Object event) {
		Pending pending = publishOne(event, Map.of());
		return await(pending, System.nanoTime() + this.timeout.toNanos());
	}

	@Override
	public List<CompletableFuture<PublishResult>> publishAll(Collection<?> events) {
		List<Pending> pending = publishBatch(events);
		List<CompletableFuture<PublishResult>> futures = new ArrayList<>(pending.size());
		for (Pending each : pending) {
			futures.add(each.future());
		}
		return futures;
	}

	@Override
	public List<PublishResult> publishAllAndWait(Collection<?> events) {
		List<Pending> pending = publishBatch(events);
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<PublishResult> results = new ArrayList<>(pending.size());
		IntegrationEventPublishException failure = null;
		for (Pending each : pending) {
			try {
				results.add(await(each, deadline));
			}
			catch (IntegrationEventPublishException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
		return results;
	}

	/**
	 * Close the publisher: no event can be published any more, and the producer is closed once
	 * the records already handed to it were acknowledged or failed.
	 */
	@Override
	public void destroy() throws Exception {
		this.closed = true;
		if (this.template.getProducerFactory() instanceof DisposableBean disposable) {
			disposable.destroy();
		}
	}

	private Pending publishOne(Object event, Map<String, ?> extensions) {
		Assert.notNull(event, "'event' must not be null");
		Assert.notNull(extensions, "'extensions' must not be null");
		ensureOpen();
		EventDescriptor descriptor = this.catalog.require(event.getClass());
		if (!extensions.isEmpty()) {
			CloudEventRecordFactory.checkExtensions(extensions);
		}
		notifyPublishing(descriptor, event);
		CloudEventRecord record;
		try {
			record = encode(descriptor, event, extensions);
		}
		catch (IntegrationEventPublishException ex) {
			return new Pending(descriptor, null, failed(descriptor, event, ex, true));
		}
		return send(descriptor, event, record);
	}

	private List<Pending> publishBatch(Collection<?> events) {
		Assert.notNull(events, "'events' must not be null");
		ensureOpen();
		int size = events.size();
		Object[] batch = events.toArray();
		EventDescriptor[] descriptors = new EventDescriptor[size];
		for (int i = 0; i < size; i++) {
			Object event = batch[i];
			Assert.notNull(event, () -> "'events' must not contain null elements");
			descriptors[i] = this.catalog.require(event.getClass());
		}
		for (int i = 0; i < size; i++) {
			notifyPublishing(descriptors[i], batch[i]);
		}
		CloudEventRecord[] records = new CloudEventRecord[size];
		IntegrationEventPublishException firstFailure = null;
		int failedIndex = -1;
		for (int i = 0; i < size && firstFailure == null; i++) {
			try {
				records[i] = encode(descriptors[i], batch[i], Map.of());
			}
			catch (IntegrationEventPublishException ex) {
				firstFailure = ex;
				failedIndex = i;
			}
		}
		List<Pending> pending = new ArrayList<>(size);
		if (firstFailure != null) {
			for (int i = 0; i < size; i++) {
				IntegrationEventPublishException failure = (i == failedIndex) ? firstFailure
						: notSent(descriptors[i], records[i], "event #" + failedIndex + " ("
								+ descriptors[failedIndex].eventType().getSimpleName()
								+ ") of the same batch could not be encoded, so no event of the batch was sent",
								firstFailure);
				pending.add(new Pending(descriptors[i], (records[i] != null) ? records[i].id() : null,
						failed(descriptors[i], batch[i], failure, i == failedIndex)));
			}
			return pending;
		}
		IntegrationEventPublishException sendFailure = null;
		for (int i = 0; i < size; i++) {
			if (sendFailure == null) {
				Pending sent = send(descriptors[i], batch[i], records[i]);
				pending.add(sent);
				sendFailure = sent.notSent();
			}
			else {
				// Once one record could not be handed to the producer, later ones are not sent, so
				// that events with the same key never arrive with a gap in their order.
				pending.add(new Pending(descriptors[i], records[i].id(), failed(descriptors[i], batch[i],
						notSent(descriptors[i], records[i], "an earlier event of the same batch could not be sent",
								sendFailure),
						false)));
			}
		}
		return pending;
	}

	private void ensureOpen() {
		if (this.closed) {
			throw new IllegalStateException("The IntegrationEventPublisher is closed because its application "
					+ "context was closed; events can no longer be published");
		}
	}

	private CloudEventRecord encode(EventDescriptor descriptor, Object event, Map<String, ?> extensions) {
		CloudEventRecord record;
		try {
			record = this.recordFactory.create(descriptor, event, extensions);
		}
		catch (RuntimeException ex) {
			throw new IntegrationEventPublishException(descriptor.eventType(), null, descriptor.topic(),
					"Could not publish " + descriptor.eventType().getName() + " to topic " + descriptor.topic() + ": "
							+ ex.getMessage() + ". Nothing was sent",
					ex);
		}
		checkSize(descriptor, record);
		return record;
	}

	private void checkSize(EventDescriptor descriptor, CloudEventRecord record) {
		ProducerRecord<String, byte[]> producerRecord = record.record();
		// A cheap upper bound first; the producer's exact computation only near the limit.
		long bound = producerRecord.value().length + 3L * record.key().length() + 128;
		for (Header header : producerRecord.headers()) {
			bound += 3L * header.key().length() + header.value().length + 10;
		}
		if (bound + this.sizeReserve <= this.maxRequestSize) {
			return;
		}
		int size = AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE,
				CompressionType.NONE, record.key().getBytes(StandardCharsets.UTF_8), producerRecord.value(),
				producerRecord.headers().toArray());
		if (size + this.sizeReserve > this.maxRequestSize) {
			throw new EventTooLargeException(descriptor.eventType(), record.id(), descriptor.topic(), size,
					this.sizeReserve, this.maxRequestSize);
		}
	}

	/**
	 * Hand a record to the template, or, when sends are not observed, straight to a producer of
	 * its factory as the template itself would (the shared producer, closed after the send,
	 * which only releases it); either way the producer's outcome completes the future.
	 */
	private Pending send(EventDescriptor descriptor, Object event, CloudEventRecord record) {
		CompletableFuture<PublishResult> future = new CompletableFuture<>();
		try {
			if (this.throughTemplate) {
				this.template.send(record.record())
					.whenComplete((result, ex) -> complete(future, descriptor, event, record,
							(result != null) ? result.getRecordMetadata() : null, ex));
			}
			else {
				try (Producer<String, byte[]> producer = this.template.getProducerFactory().createProducer()) {
					producer.send(record.record(),
							(metadata, ex) -> complete(future, descriptor, event, record, metadata, ex));
				}
			}
		}
		catch (RuntimeException ex) {
			IntegrationEventPublishException failure = sendFailure(descriptor, record, ex);
			completeFailed(future, descriptor, event, failure);
			return new Pending(descriptor, record.id(), future, failure);
		}
		return new Pending(descriptor, record.id(), future);
	}

	private void complete(CompletableFuture<PublishResult> future, EventDescriptor descriptor, Object event,
			CloudEventRecord record, @Nullable RecordMetadata metadata, @Nullable Throwable ex) {
		if (ex == null && metadata != null) {
			completeAcknowledged(future, descriptor, event, record, metadata);
		}
		else {
			Throwable failure = (ex != null) ? ex
					: new IllegalStateException("the producer reported neither a result nor an error");
			completeFailed(future, descriptor, event, sendFailure(descriptor, record, failure));
		}
	}

	private void completeAcknowledged(CompletableFuture<PublishResult> future, EventDescriptor descriptor,
			Object event, CloudEventRecord record, RecordMetadata metadata) {
		Instant timestamp = metadata.hasTimestamp() ? Instant.ofEpochMilli(metadata.timestamp()) : record.time();
		PublishResult result = new PublishResult(record.id(), descriptor.cloudEventType(), metadata.topic(),
				record.key(), metadata.partition(), metadata.offset(), timestamp);
		if (this.listeners.length > 0) {
			notifyListeners(descriptor, record.id(), (listener) -> listener.onSuccess(descriptor, event, result));
		}
		future.complete(result);
	}

	private CompletableFuture<PublishResult> failed(EventDescriptor descriptor, Object event,
			IntegrationEventPublishException failure, boolean rootCause) {
		CompletableFuture<PublishResult> future = new CompletableFuture<>();
		completeFailed(future, descriptor, event, failure, rootCause);
		return future;
	}

	private void completeFailed(CompletableFuture<PublishResult> future, EventDescriptor descriptor, Object event,
			IntegrationEventPublishException failure) {
		completeFailed(future, descriptor, event, failure, true);
	}

	/**
	 * Fail a publish: log it (a caller that drops the future still leaves a trace), tell the
	 * listeners, complete the future.
	 * @param rootCause whether this failure is a cause in itself; events of a batch that were
	 * held back because of another event's failure are logged at debug level only
	 */
	private void completeFailed(CompletableFuture<PublishResult> future, EventDescriptor descriptor, Object event,
			IntegrationEventPublishException failure, boolean rootCause) {
		if (rootCause) {
			logger.warn(failure.getMessage());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(failure.getMessage());
		}
		if (this.listeners.length > 0) {
			notifyListeners(descriptor, failure.getEventId(),
					(listener) -> listener.onFailure(descriptor, event, failure));
		}
		future.completeExceptionally(failure);
	}

	private void notifyPublishing(EventDescriptor descriptor, Object event) {
		if (this.listeners.length > 0) {
			notifyListeners(descriptor, null, (listener) -> listener.onPublishing(descriptor, event));
		}
	}

	private void notifyListeners(EventDescriptor descriptor, @Nullable String eventId,
			Consumer<PublishListener> notification) {
		for (PublishListener listener : this.listeners) {
			try {
				notification.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("PublishListener " + listener.getClass().getName() + " failed on event "
						+ descriptor.eventType().getName() + " (id " + eventId + ")", ex);
			}
		}
	}

	private IntegrationEventPublishException sendFailure(EventDescriptor descriptor, CloudEventRecord record,
			Throwable ex) {
		Throwable cause = unwrap(ex);
		String what = "Event " + descriptor.eventType().getName() + " (id " + record.id() + ") for topic "
				+ descriptor.topic();
		String reason;
		if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
			reason = (String.valueOf(cause.getMessage()).contains("not present in metadata"))
					? "was not sent: the broker could not be reached, or the topic does not exist, within max.block.ms"
					: "was not acknowledged: the broker could not be reached within delivery.timeout.ms";
			reason += " (" + this.producerSettings + "): " + cause.getMessage();
		}
		else if (cause instanceof RecordTooLargeException) {
			reason = "was rejected as too large (the producer's max.request.size, or the topic's max.message.bytes"
					+ " on the broker): " + cause.getMessage();
		}
		else if (this.closed) {
			reason = "was not sent because the publisher was closed: " + cause;
		}
		else {
			reason = "was not written: " + cause;
		}
		return new IntegrationEventPublishException(descriptor.eventType(), record.id(), descriptor.topic(),
				what + " " + reason, cause);
	}

	private static IntegrationEventPublishException notSent(EventDescriptor descriptor,
			@Nullable CloudEventRecord record, String reason, IntegrationEventPublishException cause) {
		String id = (record != null) ? record.id() : null;
		return new IntegrationEventPublishException(descriptor.eventType(), id, descriptor.topic(),
				"Event " + descriptor.eventType().getName() + ((id != null) ? " (id " + id + ")" : "") + " for topic "
						+ descriptor.topic() + " was not sent: " + reason,
				cause);
	}

	private PublishResult await(Pending pending, long deadlineNanos) {
		try {
			return pending.future().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw (IntegrationEventPublishException) ex.getCause();
		}
		catch (TimeoutException ex) {
			throw new IntegrationEventPublishException(pending.descriptor().eventType(), pending.eventId(),
					pending.descriptor().topic(),
					"Event " + pending.descriptor().eventType().getName() + " (id " + pending.eventId() + ") for topic "
							+ pending.descriptor().topic() + " was not acknowledged within "
							+ "momentum.kafka.publisher.timeout (" + this.timeout + "); it may still be written",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IntegrationEventPublishException(pending.descriptor().eventType(), pending.eventId(),
					pending.descriptor().topic(), "Interrupted while waiting for the acknowledgement of event "
							+ pending.descriptor().eventType().getName() + " (id " + pending.eventId() + "); it may still be written",
					ex);
		}
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while ((current instanceof CompletionException || current instanceof ExecutionException
				|| current instanceof org.springframework.kafka.KafkaException) && current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * A publish in progress.
	 *
	 * @param descriptor the event's descriptor
	 * @param eventId the event's id, or {@code null} when it failed before one was assigned
	 * @param future completes with the outcome
	 * @param notSent the failure when the record could not even be handed to the producer
	 */
	private record Pending(EventDescriptor descriptor, @Nullable String eventId,
			CompletableFuture<PublishResult> future, @Nullable IntegrationEventPublishException notSent) {

		Pending(EventDescriptor descriptor, @Nullable String eventId, CompletableFuture<PublishResult> future) {
			this(descriptor, eventId, future, null);
		}

	}

}
