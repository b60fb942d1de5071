package io.momentum.kafka.partitioning;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

import org.jspecify.annotations.Nullable;

/**
 * One readable property of an event type (a record component, a field or a getter), with a
 * {@link MethodHandle} resolved once so that reading it does no reflection look-up.
 *
 * @param declaringType the event type
 * @param name the property name ({@code tenantId} for a component, field or {@code getTenantId()})
 * @param type the declared type of the property
 * @param getter a handle of type {@code (Object)Object} that reads the property
 */
public record EventProperty(Class<?> declaringType, String name, Class<?> type, MethodHandle getter) {

	static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);

	public EventProperty {
		if (!getter.type().equals(GETTER_TYPE)) {
			throw new IllegalArgumentException("Getter of " + name + " must be of type " + GETTER_TYPE);
		}
	}

	/**
	 * Read the property of an event.
	 * @param event an instance of {@link #declaringType()}
	 * @return the value, {@code null} when the property is {@code null}
	 */
	public @Nullable Object read(Object event) {
		try {
			return (Object) this.getter.invokeExact(event);
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(
					"Reading '" + this.name + "' of " + this.declaringType.getName() + " failed: " + ex, ex);
		}
	}

}
