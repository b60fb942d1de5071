package io.momentum.kafka.consuming;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.cloudevents.CloudEvent;
import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.cloudevents.CloudEventDataBinder;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventTypeMatcher;
import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventCatalogFactory;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.util.Assert;

/**
 * Lets {@code @KafkaListener} methods take integration events: when the method's payload type is
 * annotated with {@link EventTopic}, the record is read as a CloudEvent (every input format of
 * {@link CloudEventReader}) and its data bound to that type. Any other payload type is converted
 * as by spring-kafka's {@link MessagingMessageConverter}, so other listeners are unaffected.
 * <p>
 * The record's CloudEvents type must match the payload type (exact type, simple class name or
 * last segment of a qualified name); a record of another type, or one that cannot be read, fails
 * with a {@link ConversionException} (not retried by spring-kafka's error handlers) whose cause is
 * an {@link UnreadableEventException}. Spring Boot applies a single {@code RecordMessageConverter}
 * bean to its {@code kafkaListenerContainerFactory}; record values may be {@code byte[]} or
 * {@code String}.
 *
 * <pre class="code">
 * &#64;KafkaListener(topics = "dev.appdomain.public.cashiers")
 * void on(CashierCreated event) {
 *     // ...
 * }
 * </pre>
 */
public class IntegrationEventMessageConverter extends MessagingMessageConverter {

	private final CloudEventReader reader;

	private final CloudEventDataBinder binder;

	private final Supplier<@Nullable EventCatalog> catalog;

	private final Map<Class<?>, CloudEventTypeMatcher<Class<?>>> matchers = new ConcurrentHashMap<>();

	/**
	 * Create a converter.
	 * @param reader reads the CloudEvent of a record
	 * @param binder binds its data
	 * @param catalog supplies the event catalog, whose CloudEvents types are matched; without a
	 * catalog the {@code @EventTopic(type)} or the simple class name is
	 */
	public IntegrationEventMessageConverter(CloudEventReader reader, CloudEventDataBinder binder,
			Supplier<@Nullable EventCatalog> catalog) {
		Assert.notNull(reader, "'reader' must not be null");
		Assert.notNull(binder, "'binder' must not be null");
		Assert.notNull(catalog, "'catalog' must not be null");
		this.reader = reader;
		this.binder = binder;
		this.catalog = catalog;
	}

	@Override
	protected @Nullable Object extractAndConvertValue(ConsumerRecord<?, ?> record, @Nullable Type type) {
		if (!(type instanceof Class<?> eventType) || !eventType.isAnnotationPresent(EventTopic.class)) {
			return super.extractAndConvertValue(record, type);
		}
		try {
			CloudEvent event = this.reader.read(record.headers(), bytes(record.value()));
			if (this.matchers.computeIfAbsent(eventType, this::matcher).match(event.getType()) == null) {
				throw new UnreadableEventException("CloudEvents type '" + event.getType() + "' is not "
						+ eventType.getName() + ", the payload type of the @KafkaListener method");
			}
			return this.binder.bind(event, eventType);
		}
		catch (UnreadableEventException ex) {
			// spring-kafka's error handlers do not retry a ConversionException
			throw new ConversionException("Record " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " is not a readable " + eventType.getSimpleName() + ": " + ex.getMessage(),
					record, ex);
		}
	}

	private CloudEventTypeMatcher<Class<?>> matcher(Class<?> eventType) {
		EventCatalog catalog = this.catalog.get();
		EventDescriptor descriptor = (catalog != null) ? catalog.find(eventType).orElse(null) : null;
		String cloudEventType = (descriptor != null) ? descriptor.cloudEventType() : declaredType(eventType);
		return CloudEventTypeMatcher.<Class<?>>builder().add(cloudEventType, eventType, eventType).build();
	}

	private static String declaredType(Class<?> eventType) {
		EventTopic eventTopic = eventType.getAnnotation(EventTopic.class);
		return (eventTopic != null) ? EventCatalogFactory.cloudEventType(eventType, eventTopic)
				: eventType.getSimpleName();
	}

	private static byte @Nullable [] bytes(@Nullable Object value) {
		if (value == null || value instanceof byte[]) {
			return (byte[]) value;
		}
		if (value instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new UnreadableEventException("A record value of type " + value.getClass().getName()
				+ " cannot be read as a CloudEvent; use the ByteArrayDeserializer or StringDeserializer");
	}

}
