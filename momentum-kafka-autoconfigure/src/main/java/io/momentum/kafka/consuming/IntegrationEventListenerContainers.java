package io.momentum.kafka.consuming;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.momentum.kafka.cloudevents.CloudEventDataBinder;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventTypeMatcher;
import io.momentum.kafka.consuming.IntegrationEventMessageListener.Route;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.util.Assert;

/**
 * The listener containers of the application's integration event handlers: one
 * {@link ConcurrentMessageListenerContainer} per topic that has a handler, created once all
 * singletons are instantiated, started and stopped with the application context.
 * <p>
 * The containers come from a {@link ConcurrentKafkaListenerContainerFactory} that is only asked
 * for when there is at least one handler, so that a publish-only service needs no consumer
 * group. Health reads {@link #getContainers()}; the consumer-lag meters read
 * {@link #getTopicsByGroupId()}.
 */
public class IntegrationEventListenerContainers implements SmartInitializingSingleton, SmartLifecycle, DisposableBean {

	private static final Log logger = LogFactory.getLog(IntegrationEventListenerContainers.class);

	private static final String BEAN_NAME_PREFIX = "momentum-";

	private final IntegrationEventHandlerRegistry registry;

	private final Supplier<ConcurrentKafkaListenerContainerFactory<byte[], byte[]>> containerFactory;

	private final CloudEventReader reader;

	private final CloudEventDataBinder binder;

	private final Supplier<List<ConsumptionObserver>> observers;

	private final Supplier<List<IntegrationEventContainerCustomizer>> customizers;

	private volatile Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>> containers = Map.of();

	private volatile boolean running;

	/**
	 * Create the containers' owner.
	 * @param registry the handlers
	 * @param containerFactory supplies the factory of the containers; called once, and only when
	 * there is a handler
	 * @param reader reads each record's CloudEvent
	 * @param binder binds event data to the event types
	 * @param observers supply the observers told about each handled or skipped record
	 * @param customizers supply the customizers applied to each container
	 */
	public IntegrationEventListenerContainers(IntegrationEventHandlerRegistry registry,
			Supplier<ConcurrentKafkaListenerContainerFactory<byte[], byte[]>> containerFactory, CloudEventReader reader,
			CloudEventDataBinder binder, Supplier<List<ConsumptionObserver>> observers,
			Supplier<List<IntegrationEventContainerCustomizer>> customizers) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(containerFactory, "'containerFactory' must not be null");
		Assert.notNull(reader, "'reader' must not be null");
		Assert.notNull(binder, "'binder' must not be null");
		this.registry = registry;
		this.containerFactory = containerFactory;
		this.reader = reader;
		this.binder = binder;
		this.observers = observers;
		this.customizers = customizers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<String, List<IntegrationEventHandlerMethod>> byTopic = this.registry.byTopic();
		if (byTopic.isEmpty()) {
			return;
		}
		EventCatalog catalog = this.registry.catalog();
		Assert.state(catalog != null, "Handlers without a catalog");
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = this.containerFactory.get();
		List<ConsumptionObserver> observers = this.observers.get();
		List<IntegrationEventContainerCustomizer> customizers = this.customizers.get();
		Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>> containers = new LinkedHashMap<>();
		byTopic.forEach((topic, handlers) -> {
			ConcurrentMessageListenerContainer<byte[], byte[]> container = factory.createContainer(topic);
			container.setBeanName(BEAN_NAME_PREFIX + topic);
			container.setupMessageListener(new IntegrationEventMessageListener(() -> groupId(topic, container),
					routes(topic, handlers, catalog), this.reader, this.binder, observers));
			customizers.forEach((customizer) -> customizer.customize(topic, container));
			groupId(topic, container);
			containers.put(topic, container);
		});
		this.containers = Collections.unmodifiableMap(containers);
	}

	/**
	 * The group a container's consumers join, after every customizer.
	 */
	private static String groupId(String topic, ConcurrentMessageListenerContainer<byte[], byte[]> container) {
		String groupId = container.getGroupId();
		Assert.state(groupId != null, "No group.id for the container of " + topic);
		return groupId;
	}

	private static CloudEventTypeMatcher<Route> routes(String topic, List<IntegrationEventHandlerMethod> handlers,
			EventCatalog catalog) {
		Map<Class<?>, Route> routes = new LinkedHashMap<>();
		for (EventDescriptor descriptor : catalog.eventsOn(topic)) {
			routes.put(descriptor.eventType(), new Route(descriptor, null));
		}
		for (IntegrationEventHandlerMethod handler : handlers) {
			routes.put(handler.getEventType(), new Route(handler.getDescriptor(), handler));
		}
		CloudEventTypeMatcher.Builder<Route> builder = CloudEventTypeMatcher.builder();
		routes.values().forEach((route) -> builder.add(route.descriptor().cloudEventType(),
				route.descriptor().eventType(), route));
		CloudEventTypeMatcher<Route> matcher = builder.build();
		if (!matcher.ambiguousNames().isEmpty()) {
			logger.warn("Event types on topic " + topic + " share the names " + matcher.ambiguousNames()
					+ "; records whose CloudEvents type is only such a short name are skipped. Give the event types "
					+ "distinct @EventTopic(type = ...) values");
		}
		return matcher;
	}

	/**
	 * The containers by topic, empty when the application has no handler.
	 * @return the containers
	 */
	public Map<String, ConcurrentMessageListenerContainer<byte[], byte[]>> getContainers() {
		return this.containers;
	}

	/**
	 * The consumer groups the containers consume in, each with the topics of its containers: the
	 * group id a container's consumers join ({@link ConcurrentMessageListenerContainer#getGroupId()}:
	 * a group id set on its {@code ContainerProperties}, for example by an
	 * {@link IntegrationEventContainerCustomizer}, else the {@code group.id} of its consumer
	 * factory, which is Momentum's rule applied before the {@link IntegrationEventConsumerCustomizer}s).
	 * Read from the containers at each call, so it is what they use now.
	 * <p>
	 * Empty when the application has no handler (a publish-only service), and until the containers
	 * are created, once all singletons are instantiated: callers that may run earlier, such as
	 * meters bound during startup, should call this again later rather than keep the first answer.
	 * @return the topics by group id, in the order of the containers, unmodifiable
	 */
	public Map<String, Set<String>> getTopicsByGroupId() {
		Map<String, Set<String>> topicsByGroupId = new LinkedHashMap<>();
		this.containers.forEach((topic, container) -> {
			String groupId = container.getGroupId();
			if (groupId != null) {
				topicsByGroupId.computeIfAbsent(groupId, (group) -> new LinkedHashSet<>()).add(topic);
			}
		});
		topicsByGroupId.replaceAll((groupId, topics) -> Collections.unmodifiableSet(topics));
		return Collections.unmodifiableMap(topicsByGroupId);
	}

	/**
	 * The container of one topic.
	 * @param topic the topic
	 * @return the container, or {@code null} when no handler listens to the topic
	 */
	public @Nullable ConcurrentMessageListenerContainer<byte[], byte[]> getContainer(String topic) {
		return this.containers.get(topic);
	}

	@Override
	public void start() {
		for (ConcurrentMessageListenerContainer<byte[], byte[]> container : this.containers.values()) {
			if (container.isAutoStartup() && !container.isRunning()) {
				container.start();
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		List<ConcurrentMessageListenerContainer<byte[], byte[]>> running = this.containers.values()
			.stream()
			.filter(ConcurrentMessageListenerContainer::isRunning)
			.toList();
		if (running.isEmpty()) {
			callback.run();
			return;
		}
		AtomicInteger remaining = new AtomicInteger(running.size());
		running.forEach((container) -> container.stop(() -> {
			if (remaining.decrementAndGet() == 0) {
				callback.run();
			}
		}));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE;
	}

	@Override
	public void destroy() {
		this.containers.values().forEach(ConcurrentMessageListenerContainer::destroy);
	}

}
