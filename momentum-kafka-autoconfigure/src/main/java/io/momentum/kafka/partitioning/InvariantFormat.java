package io.momentum.kafka.partitioning;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;

/**
 * Renders partition-key and subject values the same way on every machine, whatever the default
 * locale: strings as they are, UUIDs in canonical form, {@link BigDecimal} without exponent,
 * other numbers and booleans by {@code toString()}, {@code java.time} values in ISO-8601 by
 * {@code toString()}, enums by {@code name()}. Other types use their own {@code toString()}; a
 * type that keeps {@link Object#toString()} is refused when the event type is registered, because
 * its identity hash would scatter equal keys over partitions.
 */
public final class InvariantFormat {

	private InvariantFormat() {
	}

	/**
	 * Render one value.
	 * @param value the value
	 * @return its locale-independent text
	 */
	public static String format(Object value) {
		if (value instanceof CharSequence text) {
			return text.toString();
		}
		if (value instanceof UUID uuid) {
			return uuid.toString();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		// Number, Boolean, Character and java.time types: their toString() ignores the locale.
		return value.toString();
	}

	/**
	 * Whether values of the given declared type render stably: {@code false} for a concrete
	 * class whose text would be {@link Object#toString()} with its identity hash.
	 * @param type the declared type of a key component or subject placeholder
	 * @return whether the type can be rendered
	 */
	public static boolean isRenderable(Class<?> type) {
		if (type.isPrimitive() || CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
				|| type.isEnum() || TemporalAccessor.class.isAssignableFrom(type) || type == UUID.class
				|| type == Boolean.class || type == Character.class) {
			return true;
		}
		if (type.isInterface() || type == Object.class || Modifier.isAbstract(type.getModifiers())) {
			// The runtime type decides; nothing to check at startup.
			return true;
		}
		if (type.isArray()) {
			return false;
		}
		try {
			Method toString = type.getMethod("toString");
			return toString.getDeclaringClass() != Object.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
