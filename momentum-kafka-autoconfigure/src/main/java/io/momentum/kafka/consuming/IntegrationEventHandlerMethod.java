package io.momentum.kafka.consuming;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import io.momentum.kafka.topic.EventDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link io.momentum.kafka.annotation.IntegrationEventHandler} method, bound to the bean
 * instance it is invoked on: the instance the application context held when handlers were
 * registered (a Mockito mock when a test replaced the bean).
 */
public final class IntegrationEventHandlerMethod {

	private final String beanName;

	private final Object bean;

	private final Method method;

	private final Method invocableMethod;

	private final EventDescriptor descriptor;

	private final int eventIndex;

	private final int metadataIndex;

	private final boolean async;

	IntegrationEventHandlerMethod(String beanName, Object bean, Method method, Method invocableMethod,
			EventDescriptor descriptor, int eventIndex, int metadataIndex) {
		Assert.notNull(bean, "'bean' must not be null");
		this.beanName = beanName;
		this.bean = bean;
		this.method = method;
		this.invocableMethod = invocableMethod;
		this.descriptor = descriptor;
		this.eventIndex = eventIndex;
		this.metadataIndex = metadataIndex;
		this.async = CompletionStage.class.isAssignableFrom(method.getReturnType());
		ReflectionUtils.makeAccessible(invocableMethod);
	}

	/**
	 * The name of the bean that declares the method.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The handler method as declared.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The event type the method handles.
	 * @return the event class
	 */
	public Class<?> getEventType() {
		return this.descriptor.eventType();
	}

	/**
	 * The catalog entry of the event type (topic, CloudEvents type).
	 * @return the descriptor
	 */
	public EventDescriptor getDescriptor() {
		return this.descriptor;
	}

	/**
	 * Whether the method takes an {@link EventMetadata} parameter.
	 * @return {@code true} when metadata must be supplied
	 */
	public boolean acceptsMetadata() {
		return this.metadataIndex >= 0;
	}

	/**
	 * Invoke the method and, when it returns a {@code CompletionStage}, wait for it.
	 * @param event the event
	 * @param metadata the metadata, required when {@link #acceptsMetadata()}
	 * @throws Exception what the handler threw, or the stage's failure, unwrapped
	 */
	public void invoke(Object event, @Nullable EventMetadata metadata) throws Exception {
		Object[] arguments = new Object[(this.metadataIndex >= 0) ? 2 : 1];
		arguments[this.eventIndex] = event;
		if (this.metadataIndex >= 0) {
			arguments[this.metadataIndex] = metadata;
		}
		Object result;
		try {
			result = this.invocableMethod.invoke(this.bean, arguments);
		}
		catch (InvocationTargetException ex) {
			throw rethrow(ex.getTargetException());
		}
		if (this.async && result != null) {
			try {
				((CompletionStage<?>) result).toCompletableFuture().get();
			}
			catch (ExecutionException ex) {
				throw rethrow((ex.getCause() != null) ? ex.getCause() : ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw ex;
			}
		}
	}

	private static Exception rethrow(Throwable failure) {
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure instanceof Exception exception) {
			return exception;
		}
		return new UndeclaredThrowableException(failure);
	}

	/**
	 * A short description for logs and error messages:
	 * {@code com.example.CashierHandlers.on(CashierCreated)}.
	 * @return the description
	 */
	@Override
	public String toString() {
		return describe(this.method);
	}

	static String describe(Method method) {
		Class<?> declaringClass = ClassUtils.getUserClass(method.getDeclaringClass());
		Class<?> mocked = mockedType(declaringClass, method);
		StringBuilder description = new StringBuilder(((mocked != null) ? mocked : declaringClass).getName())
			.append('.')
			.append(method.getName())
			.append('(');
		Class<?>[] parameters = method.getParameterTypes();
		for (int i = 0; i < parameters.length; i++) {
			description.append((i > 0) ? ", " : "").append(parameters[i].getSimpleName());
		}
		description.append(')');
		return (mocked != null) ? description.append(" (Mockito mock)").toString() : description.toString();
	}

	/**
	 * The type a Mockito mock class of an interface ({@code CashierHandler$MockitoMock$1234}, as
	 * {@code @MockitoBean CashierHandler} creates) stands for: the superclass or interface that
	 * declares the method.
	 */
	private static @Nullable Class<?> mockedType(Class<?> type, Method method) {
		if (!type.getName().contains("$MockitoMock$")) {
			return null;
		}
		Class<?> superclass = type.getSuperclass();
		if (superclass != null && superclass != Object.class) {
			return superclass;
		}
		for (Class<?> candidate : type.getInterfaces()) {
			if (ClassUtils.hasMethod(candidate, method.getName(), method.getParameterTypes())) {
				return candidate;
			}
		}
		return null;
	}

}
