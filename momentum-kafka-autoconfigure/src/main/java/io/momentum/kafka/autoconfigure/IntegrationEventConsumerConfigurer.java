package io.momentum.kafka.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.momentum.kafka.consuming.IntegrationEventConsumerCustomizer;
import io.momentum.kafka.consuming.SkippingErrorHandler;
import io.momentum.kafka.consuming.TraceContextRestoringDeserializer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ConsumerPostProcessor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.util.StringUtils;

/**
 * Applies Momentum's consumer defaults to the integration event listener containers, on top of
 * Spring Boot's Kafka configuration: Boot's consumer properties ({@code spring.kafka.*}, the
 * connection) and Boot's listener settings ({@code spring.kafka.listener.*}) come first, then
 * Momentum's defaults where Boot's configuration sets nothing, then
 * {@code momentum.kafka.consumer.*}, then the {@link IntegrationEventConsumerCustomizer}s.
 * <p>
 * Two settings are not negotiable because they make "offsets are committed only after the
 * handler returned" true: {@code enable.auto.commit} is {@code false} and the container's ack
 * mode is not manual.
 */
public class IntegrationEventConsumerConfigurer {

	private static final Log logger = LogFactory.getLog(IntegrationEventConsumerConfigurer.class);

	private final MomentumKafkaProperties.Consumer properties;

	private final @Nullable String applicationName;

	private final List<IntegrationEventConsumerCustomizer> customizers;

	private final boolean restoreTraceContext;

	/**
	 * Create a configurer whose containers restore the trace context of records that carry it only
	 * as the CloudEvents extension.
	 * @param properties the {@code momentum.kafka.consumer.*} properties
	 * @param applicationName {@code spring.application.name}, the default group id
	 * @param customizers the consumer customizers, applied in order
	 */
	public IntegrationEventConsumerConfigurer(MomentumKafkaProperties.Consumer properties,
			@Nullable String applicationName, List<IntegrationEventConsumerCustomizer> customizers) {
		this(properties, applicationName, customizers, true);
	}

	/**
	 * Create a configurer.
	 * @param properties the {@code momentum.kafka.consumer.*} properties
	 * @param applicationName {@code spring.application.name}, the default group id
	 * @param customizers the consumer customizers, applied in order
	 * @param restoreTraceContext whether the containers' value deserializer gives a record that carries
	 * its trace context only as the CloudEvents {@code ce_traceparent} header the plain
	 * {@code traceparent} header ({@link TraceContextRestoringDeserializer}); only worth its pass over
	 * each record's headers when the containers are observed
	 */
	public IntegrationEventConsumerConfigurer(MomentumKafkaProperties.Consumer properties,
			@Nullable String applicationName, List<IntegrationEventConsumerCustomizer> customizers,
			boolean restoreTraceContext) {
		this.properties = properties;
		this.applicationName = applicationName;
		this.customizers = List.copyOf(customizers);
		this.restoreTraceContext = restoreTraceContext;
	}

	/**
	 * The consumer properties of the integration event containers.
	 * @param bootProperties the properties of Spring Boot's consumer factory
	 * @return the properties
	 * @throws IllegalStateException when no group id is configured anywhere, naming the keys
	 */
	public Map<String, Object> consumerProperties(Map<String, Object> bootProperties) {
		Map<String, Object> consumer = new LinkedHashMap<>(bootProperties);
		consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		String groupId = groupId(this.properties.getGroupId(), consumer.get(ConsumerConfig.GROUP_ID_CONFIG),
				this.applicationName);
		if (groupId != null) {
			consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		}
		consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset(this.properties.getAutoOffsetReset()));
		consumer.putIfAbsent(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		putMillis(consumer, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, this.properties.getSessionTimeout());
		putMillis(consumer, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, this.properties.getHeartbeatInterval());
		if (this.properties.getFetchMinBytes() != null) {
			consumer.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, this.properties.getFetchMinBytes());
		}
		putMillis(consumer, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, this.properties.getFetchMaxWait());
		putMillis(consumer, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, this.properties.getMaxPollInterval());
		disableAutoCommit(consumer, "spring.kafka.consumer.enable-auto-commit");
		this.customizers.forEach((customizer) -> customizer.customize(consumer));
		disableAutoCommit(consumer, "an IntegrationEventConsumerCustomizer");
		if (!hasText(consumer.get(ConsumerConfig.GROUP_ID_CONFIG))) {
			throw new IllegalStateException("No consumer group id for the @IntegrationEventHandler methods: set "
					+ "spring.application.name (the group id by Momentum's convention), "
					+ "momentum.kafka.consumer.group-id or spring.kafka.consumer.group-id");
		}
		return consumer;
	}

	/**
	 * Configure the factory of the integration event containers: Boot's listener settings, a
	 * consumer factory of raw bytes (with {@code restoreTraceContext}, {@link TraceContextRestoringDeserializer}
	 * for values, so that a record carrying only the CloudEvents {@code ce_traceparent} header continues its
	 * trace too)
	 * with {@link #consumerProperties(Map) our properties} (keeping
	 * the listeners and post-processors of Boot's consumer factory, such as its Micrometer
	 * metrics), the concurrency, the ack mode, how offsets are committed (asynchronously unless
	 * {@code momentum.kafka.consumer.sync-commits}) and the error handler.
	 * @param factory the factory to configure
	 * @param bootConsumerFactory Spring Boot's consumer factory
	 * @param bootConfigurer Spring Boot's configurer of listener container factories, if any
	 * @param errorHandler the application's error handler, or {@code null} for
	 * {@link SkippingErrorHandler}
	 * @param applicationContext the application context, for container events and observations
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void configure(ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory,
			ConsumerFactory<?, ?> bootConsumerFactory, @Nullable ConcurrentKafkaListenerContainerFactoryConfigurer bootConfigurer,
			@Nullable CommonErrorHandler errorHandler, ApplicationContext applicationContext) {
		DefaultKafkaConsumerFactory<byte[], byte[]> consumerFactory = new DefaultKafkaConsumerFactory<>(
				consumerProperties(bootConsumerFactory.getConfigurationProperties()), ByteArrayDeserializer::new,
				this.restoreTraceContext ? TraceContextRestoringDeserializer::new : ByteArrayDeserializer::new);
		bootConsumerFactory.getListeners().forEach((listener) -> consumerFactory.addListener((ConsumerFactory.Listener) listener));
		bootConsumerFactory.getPostProcessors()
			.forEach((postProcessor) -> consumerFactory.addPostProcessor((ConsumerPostProcessor) postProcessor));
		if (bootConfigurer != null) {
			bootConfigurer.configure((ConcurrentKafkaListenerContainerFactory) factory, (ConsumerFactory) consumerFactory);
		}
		else {
			factory.setConsumerFactory(consumerFactory);
		}
		factory.setBatchListener(false);
		if (this.properties.getConcurrency() != null) {
			factory.setConcurrency(this.properties.getConcurrency());
		}
		ContainerProperties containerProperties = factory.getContainerProperties();
		// A synchronous commit costs a broker round trip per poll, during which the consumer thread idles: it
		// capped throughput at a fifth of a hand-written consumer's in the benchmarks (docs/benchmarks.md)
		containerProperties.setSyncCommits(this.properties.isSyncCommits());
		AckMode ackMode = containerProperties.getAckMode();
		if (ackMode == AckMode.MANUAL || ackMode == AckMode.MANUAL_IMMEDIATE) {
			logger.warn("spring.kafka.listener.ack-mode=" + ackMode + " does not apply to @IntegrationEventHandler "
					+ "methods, which never acknowledge manually; their containers use BATCH");
			containerProperties.setAckMode(AckMode.BATCH);
		}
		factory.setCommonErrorHandler((errorHandler != null) ? errorHandler : new SkippingErrorHandler());
		factory.setApplicationContext(applicationContext);
		factory.setApplicationEventPublisher(applicationContext);
	}

	private static String autoOffsetReset(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT);
		if (!normalized.equals("latest") && !normalized.equals("earliest") && !normalized.equals("none")
				&& !normalized.startsWith("by_duration:")) {
			throw new IllegalStateException("momentum.kafka.consumer.auto-offset-reset=" + value
					+ " is not valid: use latest (the default), earliest, none or by_duration:<ISO-8601 duration>");
		}
		return normalized;
	}

	private static void putMillis(Map<String, Object> consumer, String key, @Nullable Duration value) {
		if (value != null) {
			consumer.put(key, (int) value.toMillis());
		}
	}

	private static void disableAutoCommit(Map<String, Object> consumer, String source) {
		Object autoCommit = consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		if (autoCommit != null && Boolean.parseBoolean(autoCommit.toString())) {
			logger.warn("enable.auto.commit=true set by " + source + " is ignored for @IntegrationEventHandler "
					+ "methods: their offsets are committed after the handler returned");
		}
	}

	/**
	 * Momentum's group-id rule ("service name becomes consumer group ID"): the first of
	 * {@code momentum.kafka.consumer.group-id}, Spring Kafka's group id (the {@code group.id} of Boot's
	 * consumer properties, which Boot resolves from {@code spring.kafka.consumer.group-id} and
	 * {@code spring.kafka.consumer.properties.group.id}) and {@code spring.application.name} that has
	 * text, trimmed; {@code null} when none has. Customizers may change it afterwards.
	 */
	private static @Nullable String groupId(@Nullable Object momentum, @Nullable Object springKafka,
			@Nullable Object applicationName) {
		for (Object value : new Object[] { momentum, springKafka, applicationName }) {
			if (hasText(value)) {
				return value.toString().trim();
			}
		}
		return null;
	}

	private static boolean hasText(@Nullable Object value) {
		return value != null && StringUtils.hasText(value.toString());
	}

}
