package io.momentum.kafka.partitioning;

import java.beans.Introspector;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Finds the readable properties of event types: record components, and for plain classes
 * fields and getters. Each property comes with a {@link MethodHandle} built once.
 */
public final class EventProperties {

	private EventProperties() {
	}

	/**
	 * The properties of a type that carry an annotation: record components (or their explicit
	 * accessors) and other no-argument methods of a record; fields and no-argument methods of a
	 * class and its superclasses. A member and a getter of the same name count once.
	 * @param <A> the annotation type
	 * @param type the event type
	 * @param annotationType the annotation to look for
	 * @return the annotated properties with their annotation, in declaration order
	 * @throws IllegalArgumentException when an annotated method takes parameters or returns
	 * nothing, or a member cannot be read
	 */
	public static <A extends Annotation> Map<EventProperty, A> annotated(Class<?> type, Class<A> annotationType) {
		Map<String, Map.Entry<EventProperty, A>> byName = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				A annotation = component.getAnnotation(annotationType);
				if (annotation == null) {
					annotation = component.getAccessor().getAnnotation(annotationType);
				}
				if (annotation != null) {
					byName.put(component.getName(), Map.entry(forMethod(type, component.getName(),
							component.getAccessor()), annotation));
				}
			}
		}
		else {
			ReflectionUtils.doWithFields(type, (field) -> {
				A annotation = field.getAnnotation(annotationType);
				if (annotation != null && !Modifier.isStatic(field.getModifiers())) {
					byName.putIfAbsent(field.getName(), Map.entry(forField(type, field), annotation));
				}
			});
		}
		// Getters of classes, and methods of records that are not component accessors.
		ReflectionUtils.doWithMethods(type, (method) -> {
			A annotation = method.getAnnotation(annotationType);
			if (annotation == null || Modifier.isStatic(method.getModifiers()) || method.isBridge()) {
				return;
			}
			if (method.getParameterCount() != 0 || method.getReturnType() == void.class) {
				throw new IllegalArgumentException("@" + annotationType.getSimpleName() + " on " + method
						+ " needs a method without parameters that returns a value");
			}
			String name = type.isRecord() ? method.getName() : propertyName(method);
			byName.putIfAbsent(name, Map.entry(forMethod(type, name, method), annotation));
		});
		Map<EventProperty, A> result = new LinkedHashMap<>();
		byName.values().forEach((entry) -> result.put(entry.getKey(), entry.getValue()));
		return result;
	}

	/**
	 * The property of a type with the given name: a record component, else a public getter
	 * ({@code getName()}, {@code isName()} or {@code name()}), else a field of the class or a
	 * superclass.
	 * @param type the event type
	 * @param name the property name
	 * @return the property, or {@code null} when the type has none of that name
	 */
	public static @Nullable EventProperty find(Class<?> type, String name) {
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals(name)) {
					return forMethod(type, name, component.getAccessor());
				}
			}
			return null;
		}
		String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		for (String candidate : List.of("get" + capitalized, "is" + capitalized, name)) {
			Method method = ReflectionUtils.findMethod(type, candidate);
			if (method != null && method.getReturnType() != void.class && !Modifier.isStatic(method.getModifiers())
					&& (!candidate.startsWith("is") || method.getReturnType() == boolean.class
							|| method.getReturnType() == Boolean.class || candidate.equals(name))) {
				return forMethod(type, name, method);
			}
		}
		Field field = ReflectionUtils.findField(type, name);
		if (field != null && !Modifier.isStatic(field.getModifiers())) {
			return forField(type, field);
		}
		return null;
	}

	/**
	 * The names of the readable properties of a type, for error messages.
	 * @param type the event type
	 * @return record component names, else field names
	 */
	public static List<String> names(Class<?> type) {
		List<String> names = new ArrayList<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				names.add(component.getName());
			}
		}
		else {
			ReflectionUtils.doWithFields(type, (field) -> names.add(field.getName()),
					(field) -> !Modifier.isStatic(field.getModifiers()) && !field.isSynthetic());
		}
		return names;
	}

	private static String propertyName(Method method) {
		String name = method.getName();
		if (name.startsWith("get") && name.length() > 3) {
			return Introspector.decapitalize(name.substring(3));
		}
		if (name.startsWith("is") && name.length() > 2
				&& (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
			return Introspector.decapitalize(name.substring(2));
		}
		return name;
	}

	private static EventProperty forMethod(Class<?> type, String name, Method method) {
		try {
			ReflectionUtils.makeAccessible(method);
			MethodHandle handle = MethodHandles.lookup().unreflect(method).asType(EventProperty.GETTER_TYPE);
			return new EventProperty(type, name, method.getReturnType(), handle);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot read '" + name + "' of " + type.getName() + " through " + method
					+ ": " + ex.getMessage() + ". Make it public, or open its package to Momentum Kafka", ex);
		}
	}

	private static EventProperty forField(Class<?> type, Field field) {
		try {
			ReflectionUtils.makeAccessible(field);
			MethodHandle handle = MethodHandles.lookup().unreflectGetter(field).asType(EventProperty.GETTER_TYPE);
			return new EventProperty(type, field.getName(), field.getType(), handle);
		}
		catch (IllegalAccessException | RuntimeException ex) {
			throw new IllegalArgumentException("Cannot read field '" + field.getName() + "' of " + type.getName() + ": "
					+ ex.getMessage() + ". Make it public, or open its package to Momentum Kafka", ex);
		}
	}

}
