package io.momentum.kafka.consuming.error;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.ToIntFunction;

import io.momentum.kafka.consuming.IntegrationEventHandlerException;
import io.momentum.kafka.publishing.DerivedProducerFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.Assert;

/**
 * spring-kafka's {@link DeadLetterPublishingRecoverer}, set up for integration events: the record
 * goes to its topic's dead-letter topic ({@link DeadLetterTopicResolver}) in the same partition
 * when the dead-letter topic has it (else the producer picks one from the key), with the original
 * key, value bytes and headers and spring-kafka's {@code kafka_dlt-*} headers plus
 * {@value #ATTEMPTS_HEADER}.
 * <p>
 * A record that was dead-lettered before and fails again (for example after a replay from the
 * dead-letter topic) keeps its first {@code kafka_dlt-original-*} headers and gets fresh exception
 * headers and attempt count: no header is duplicated. The publish is awaited with a bounded
 * timeout and a failure is thrown, so the error handler does not commit the record's offset.
 */
public class IntegrationEventDeadLetterRecoverer extends DeadLetterPublishingRecoverer implements DisposableBean {

	/**
	 * Header with the number of handler attempts made before the record was dead-lettered, a
	 * 4-byte big-endian int like {@code kafka_dlt-original-partition}.
	 */
	public static final String ATTEMPTS_HEADER = "momentum_dlt-attempts";

	/**
	 * Longest exception message header, in bytes; a longer message is cut and marked so. Handler
	 * exceptions may quote whole payloads, and a dead-letter record too large for the topic
	 * would block the partition.
	 */
	static final int MAX_MESSAGE_HEADER_BYTES = 4 * 1024;

	/** Longest exception stack trace header, in bytes; a longer stack trace is cut and marked so. */
	static final int MAX_STACKTRACE_HEADER_BYTES = 16 * 1024;

	/** Smallest {@code max.request.size} of the dead-letter producer: Kafka's default buffer memory. */
	static final int MIN_MAX_REQUEST_SIZE = 32 * 1024 * 1024;

	private static final List<String> MESSAGE_HEADERS = List.of(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
			KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE);

	private static final List<String> STACKTRACE_HEADERS = List.of(KafkaHeaders.DLT_EXCEPTION_STACKTRACE,
			KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE);

	/** Suffix added to the producer's {@code client.id}. */
	static final String CLIENT_ID_SUFFIX = "-dead-letter";

	private static final Log logger = LogFactory.getLog(IntegrationEventDeadLetterRecoverer.class);

	private final KafkaTemplate<?, ?> template;

	private final DeadLetterTopicResolver topics;

	private volatile @Nullable ToIntFunction<ConsumerRecord<?, ?>> attempts;

	/**
	 * Create a recoverer.
	 * @param template the template of the dead-letter producer, for example from
	 * {@link #createTemplate(ProducerFactory, Duration)}; destroyed with this recoverer
	 * @param topics the dead-letter topic of each topic
	 * @param sendTimeout how long a publish is awaited before it counts as failed
	 */
	public IntegrationEventDeadLetterRecoverer(KafkaTemplate<?, ?> template, DeadLetterTopicResolver topics,
			Duration sendTimeout) {
		super(template, topics);
		Assert.isTrue(!sendTimeout.isNegative() && !sendTimeout.isZero(),
				"momentum.kafka.retry.dead-letter-timeout must be positive");
		this.template = template;
		this.topics = topics;
		setAppendOriginalHeaders(false);
		setStripPreviousExceptionHeaders(true);
		setFailIfSendResultIsError(true);
		setWaitForSendResultTimeout(sendTimeout);
		setTimeoutBuffer(0);
		setPartitionInfoTimeout(sendTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? sendTimeout : Duration.ofSeconds(5));
		addHeadersFunction(this::attemptsHeader);
	}

	/**
	 * Supply the number of attempts made for the record being recovered, for the
	 * {@value #ATTEMPTS_HEADER} header. Without it the header is not written.
	 * @param attempts the attempts of a record, asked on the consumer thread that recovers it
	 */
	public void setAttempts(@Nullable ToIntFunction<ConsumerRecord<?, ?>> attempts) {
		this.attempts = attempts;
	}

	/**
	 * The dead-letter topic records of a topic go to.
	 * @param topic the topic
	 * @return the dead-letter topic
	 */
	public String deadLetterTopic(String topic) {
		return this.topics.deadLetterTopic(topic);
	}

	/**
	 * Dead-letter a record. A checked exception that the handler invocation wrapped in an
	 * {@link IntegrationEventHandlerException} is unwrapped first, so that
	 * {@code kafka_dlt-exception-cause-fqcn} names the handler's exception.
	 */
	@Override
	public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
		super.accept(record, consumer, withoutHandlerWrapper(exception));
	}

	private static Exception withoutHandlerWrapper(Exception exception) {
		if (exception instanceof ListenerExecutionFailedException failed
				&& failed.getCause() instanceof IntegrationEventHandlerException wrapper
				&& wrapper.getCause() != null) {
			ListenerExecutionFailedException unwrapped = new ListenerExecutionFailedException(
					(failed.getMessage() != null) ? failed.getMessage() : "Listener failed", failed.getGroupId(),
					wrapper.getCause());
			unwrapped.setStackTrace(failed.getStackTrace());
			return unwrapped;
		}
		return exception;
	}

	private @Nullable Headers attemptsHeader(ConsumerRecord<?, ?> record, Exception exception) {
		ToIntFunction<ConsumerRecord<?, ?>> attempts = this.attempts;
		if (attempts == null) {
			return null;
		}
		RecordHeaders headers = new RecordHeaders();
		headers.add(new SingleRecordHeader(ATTEMPTS_HEADER,
				ByteBuffer.allocate(Integer.BYTES).putInt(attempts.applyAsInt(record)).array()));
		return headers;
	}

	/**
	 * The dead-letter record, with exception message and stack trace headers cut to
	 * {@value #MAX_MESSAGE_HEADER_BYTES} and {@value #MAX_STACKTRACE_HEADER_BYTES} bytes.
	 */
	@Override
	protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
			TopicPartition topicPartition, Headers headers, byte @Nullable [] key, byte @Nullable [] value) {
		MESSAGE_HEADERS.forEach((name) -> truncate(headers, name, MAX_MESSAGE_HEADER_BYTES));
		STACKTRACE_HEADERS.forEach((name) -> truncate(headers, name, MAX_STACKTRACE_HEADER_BYTES));
		return super.createProducerRecord(record, topicPartition, headers, key, value);
	}

	private static void truncate(Headers headers, String name, int maxBytes) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null || header.value().length <= maxBytes) {
			return;
		}
		byte[] value = header.value();
		int cut = maxBytes;
		while (cut > 0 && (value[cut] & 0xC0) == 0x80) {
			cut--; // never split a UTF-8 sequence
		}
		String marker = "... [" + (value.length - cut) + " bytes cut]";
		byte[] truncated = Arrays.copyOf(value, cut + marker.length());
		System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, truncated, cut, marker.length());
		headers.remove(name);
		headers.add(name, truncated);
	}

	/**
	 * Publish and await the dead-letter record. Unlike the inherited method, a failure is not
	 * logged here but thrown once: the error handler logs it once per attempt, with what it means
	 * for the record.
	 */
	@Override
	protected void publish(ProducerRecord<Object, Object> outRecord, KafkaOperations<Object, Object> kafkaTemplate,
			ConsumerRecord<?, ?> inRecord) {
		if (!isFailIfSendResultIsError()) {
			sendNow(outRecord, kafkaTemplate, inRecord);
			return;
		}
		ProducerRecord<Object, Object> sent = outRecord;
		CompletableFuture<SendResult<Object, Object>> result;
		try {
			result = sendNow(sent, kafkaTemplate, inRecord);
			verifySendResult(kafkaTemplate, sent, result, inRecord);
		}
		catch (KafkaException ex) {
			ProducerRecord<Object, Object> smaller = (NestedExceptionUtils.getRootCause(ex) instanceof RecordTooLargeException)
					? withoutStackTraces(outRecord) : null;
			if (smaller == null) {
				throw ex;
			}
			// The record came from a topic that accepted it: without the stack trace it fits
			// unless it was within a few hundred bytes of the limit.
			logger.warn("The dead-letter record of " + KafkaUtils.format(inRecord) + " is too large for "
					+ outRecord.topic() + "; sending it without its exception stack trace header");
			sent = smaller;
			result = sendNow(sent, kafkaTemplate, inRecord);
			verifySendResult(kafkaTemplate, sent, result, inRecord);
		}
		if (logger.isDebugEnabled()) {
			RecordMetadata metadata = result.join().getRecordMetadata();
			logger.debug("Dead-lettered " + KafkaUtils.format(inRecord) + " to " + metadata.topic() + "-"
					+ metadata.partition() + "@" + metadata.offset());
		}
	}

	private static CompletableFuture<SendResult<Object, Object>> sendNow(ProducerRecord<Object, Object> outRecord,
			KafkaOperations<Object, Object> kafkaTemplate, ConsumerRecord<?, ?> inRecord) {
		try {
			return kafkaTemplate.send(outRecord);
		}
		catch (RuntimeException ex) {
			throw new KafkaException("Dead-letter publication to " + outRecord.topic() + " failed for: "
					+ KafkaUtils.format(inRecord), ex);
		}
	}

	private static @Nullable ProducerRecord<Object, Object> withoutStackTraces(ProducerRecord<Object, Object> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!STACKTRACE_HEADERS.contains(header.key())) {
				headers.add(header);
			}
		}
		if (headers.toArray().length == record.headers().toArray().length) {
			return null;
		}
		return new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), headers);
	}

	@Override
	public void destroy() {
		this.template.destroy();
		if (this.template.getProducerFactory() instanceof DisposableBean factory) {
			try {
				factory.destroy();
			}
			catch (Exception ex) {
				logger.debug("Failed to close the dead-letter producer", ex);
			}
		}
	}

	/**
	 * A template for dead-letter records on a producer factory of its own, built from the
	 * configuration of the application's producer factory (connection, security, acks,
	 * idempotence, compression, interceptors): keys and values are written as the bytes they
	 * were read as ({@code byte[]}, {@code Bytes}, or {@code String} as UTF-8), and a publish
	 * gives up after {@code sendTimeout} (metadata wait and delivery), so a missing dead-letter
	 * topic or an unreachable broker cannot hold the consumer longer. The producer is never
	 * transactional. Its failures are not logged with record values.
	 * @param source the application's producer factory
	 * @param sendTimeout the longest time a publish may take
	 * @return the template, to be destroyed by its owner
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static KafkaTemplate<Object, Object> createTemplate(ProducerFactory<?, ?> source, Duration sendTimeout) {
		int timeout = (int) Math.min(Integer.MAX_VALUE, sendTimeout.toMillis());
		DefaultKafkaProducerFactory<Object, Object> factory = DerivedProducerFactory.derive(source, CLIENT_ID_SUFFIX,
				rawBytes(), rawBytes(), (configs) -> {
					int linger = DerivedProducerFactory.intConfig(configs, ProducerConfig.LINGER_MS_CONFIG, 5);
					int requestTimeout = DerivedProducerFactory.intConfig(configs,
							ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
					configs.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.max(MIN_MAX_REQUEST_SIZE,
							DerivedProducerFactory.intConfig(configs, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 0)));
					configs.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
					configs.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
							Math.max(1, Math.min(requestTimeout, timeout - linger)));
					configs.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
							Math.max(timeout, linger + Math.max(1, Math.min(requestTimeout, timeout - linger))));
				});
		// Failures are thrown to the error handler, which logs them without record values.
		return DerivedProducerFactory.quietTemplate(factory);
	}

	private static Serializer<Object> rawBytes() {
		Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
		delegates.put(byte[].class, new ByteArraySerializer());
		delegates.put(Bytes.class, new BytesSerializer());
		delegates.put(String.class, new StringSerializer());
		return new DelegatingByTypeSerializer(delegates);
	}

}
