package io.momentum.kafka.consuming;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The application's {@link IntegrationEventHandler} methods, found on its singleton beans once
 * they are all instantiated, validated against the {@link EventCatalog}, and grouped by topic.
 * <p>
 * Each handler is bound to the bean instance the context holds at that time, looked up by bean
 * name, so a bean replaced by a test (for example with {@code @MockitoBean}) receives the events.
 * Other components read the registry, for example the startup report ({@link #find(Class)}).
 * <p>
 * Startup fails, naming the methods, when a handler method has the wrong signature, takes a type
 * that is not an integration event, or handles the same event type as another handler.
 */
public class IntegrationEventHandlerRegistry implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(IntegrationEventHandlerRegistry.class);

	private final ListableBeanFactory beanFactory;

	private final Supplier<@Nullable EventCatalog> catalog;

	private volatile @Nullable Handlers handlers;

	/**
	 * Create a registry that discovers handler methods on the beans of the given factory.
	 * @param beanFactory the bean factory
	 * @param catalog supplies the event catalog, or {@code null} when there is none
	 */
	public IntegrationEventHandlerRegistry(ListableBeanFactory beanFactory, Supplier<@Nullable EventCatalog> catalog) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(catalog, "'catalog' must not be null");
		this.beanFactory = beanFactory;
		this.catalog = catalog;
	}

	@Override
	public void afterSingletonsInstantiated() {
		handlers();
	}

	/**
	 * All handler methods, in bean registration order. The first call discovers them.
	 * @return the handlers
	 */
	public List<IntegrationEventHandlerMethod> handlers() {
		return discovered().all();
	}

	/**
	 * The handler of an event type.
	 * @param eventType the event class
	 * @return the handler, or empty when the application does not handle this type
	 */
	public Optional<IntegrationEventHandlerMethod> find(Class<?> eventType) {
		return Optional.ofNullable(discovered().byType().get(eventType));
	}

	/**
	 * The handlers grouped by the topic of their event type, one listener container per topic.
	 * @return the handlers by topic, in discovery order
	 */
	public Map<String, List<IntegrationEventHandlerMethod>> byTopic() {
		return discovered().byTopic();
	}

	/**
	 * The catalog the handlers were validated against.
	 * @return the catalog, or {@code null} when there is none (and no handler)
	 */
	public @Nullable EventCatalog catalog() {
		return discovered().catalog();
	}

	private Handlers discovered() {
		Handlers discovered = this.handlers;
		if (discovered == null) {
			synchronized (this) {
				discovered = this.handlers;
				if (discovered == null) {
					discovered = discover();
					this.handlers = discovered;
				}
			}
		}
		return discovered;
	}

	private Handlers discover() {
		List<Candidate> candidates = new ArrayList<>();
		for (String beanName : this.beanFactory.getBeanNamesForType(Object.class, false, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> beanType = this.beanFactory.getType(beanName);
			if (beanType == null) {
				continue;
			}
			Class<?> userType = ClassUtils.getUserClass(beanType);
			if (!AnnotationUtils.isCandidateClass(userType, IntegrationEventHandler.class)) {
				continue;
			}
			Map<Method, IntegrationEventHandler> methods = MethodIntrospector.selectMethods(userType,
					(MethodIntrospector.MetadataLookup<IntegrationEventHandler>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, IntegrationEventHandler.class));
			methods.keySet().forEach((method) -> candidates.add(new Candidate(beanName, method)));
		}
		EventCatalog catalog = this.catalog.get();
		if (candidates.isEmpty()) {
			return new Handlers(List.of(), Map.of(), Map.of(), catalog);
		}
		if (catalog == null) {
			throw new IllegalStateException("Found @IntegrationEventHandler methods " + candidates
					+ " but no io.momentum.kafka.topic.EventCatalog bean; the catalog is created when "
					+ "ConnectionStrings.Messaging is set, unless an application bean replaces it");
		}
		Map<Class<?>, IntegrationEventHandlerMethod> byType = new LinkedHashMap<>();
		for (Candidate candidate : candidates) {
			IntegrationEventHandlerMethod handler = createHandler(candidate, catalog);
			IntegrationEventHandlerMethod other = byType.putIfAbsent(handler.getEventType(), handler);
			if (other != null) {
				throw new IllegalStateException("Two @IntegrationEventHandler methods handle "
						+ handler.getEventType().getName() + ": " + other + " and " + handler
						+ "; an application has one handler per event type, so merge them into one method");
			}
		}
		Map<String, List<IntegrationEventHandlerMethod>> byTopic = new LinkedHashMap<>();
		byType.values()
			.forEach((handler) -> byTopic.computeIfAbsent(handler.getDescriptor().topic(), (topic) -> new ArrayList<>())
				.add(handler));
		byTopic.replaceAll((topic, handlers) -> List.copyOf(handlers));
		if (logger.isDebugEnabled()) {
			byType.values()
				.forEach((handler) -> logger.debug("Registered integration event handler " + handler + " for topic "
						+ handler.getDescriptor().topic()));
		}
		return new Handlers(List.copyOf(byType.values()), Collections.unmodifiableMap(byType),
				Collections.unmodifiableMap(byTopic), catalog);
	}

	private IntegrationEventHandlerMethod createHandler(Candidate candidate, EventCatalog catalog) {
		Method method = candidate.method();
		Class<?>[] parameterTypes = method.getParameterTypes();
		int eventIndex = -1;
		int metadataIndex = -1;
		for (int i = 0; i < parameterTypes.length; i++) {
			if (parameterTypes[i] == EventMetadata.class && metadataIndex < 0) {
				metadataIndex = i;
			}
			else if (eventIndex < 0) {
				eventIndex = i;
			}
			else {
				eventIndex = -1;
				break;
			}
		}
		if (eventIndex < 0 || parameterTypes.length > 2) {
			throw new IllegalStateException("@IntegrationEventHandler method " + candidate
					+ " must take one integration event (a type annotated with @EventTopic) and, optionally, "
					+ EventMetadata.class.getName());
		}
		Class<?> returnType = method.getReturnType();
		if (returnType != void.class && returnType != Void.class
				&& !CompletionStage.class.isAssignableFrom(returnType)) {
			throw new IllegalStateException("@IntegrationEventHandler method " + candidate
					+ " must return void or a CompletionStage, not " + returnType.getName());
		}
		EventDescriptor descriptor;
		try {
			descriptor = catalog.require(parameterTypes[eventIndex]);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("@IntegrationEventHandler method " + candidate + ": " + ex.getMessage(),
					ex);
		}
		Object bean = this.beanFactory.getBean(candidate.beanName());
		Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
		return new IntegrationEventHandlerMethod(candidate.beanName(), bean, method, invocable, descriptor, eventIndex,
				metadataIndex);
	}

	private record Candidate(String beanName, Method method) {

		@Override
		public String toString() {
			return IntegrationEventHandlerMethod.describe(this.method);
		}

	}

	private record Handlers(List<IntegrationEventHandlerMethod> all, Map<Class<?>, IntegrationEventHandlerMethod> byType,
			Map<String, List<IntegrationEventHandlerMethod>> byTopic, @Nullable EventCatalog catalog) {
	}

}
