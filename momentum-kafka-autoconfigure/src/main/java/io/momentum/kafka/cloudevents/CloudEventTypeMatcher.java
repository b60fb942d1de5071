package io.momentum.kafka.cloudevents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Finds the target of an incoming CloudEvents {@code type} among the event types of one topic,
 * accepting what Momentum producers write (SPEC §6):
 * <ol>
 * <li>the exact type an event type is published with ({@code CashierCreated}, or an
 * {@code @EventTopic(type = ...)} override);</li>
 * <li>the simple class name of the event type;</li>
 * <li>the last segment of a qualified name, after the last {@code .} or {@code +}, on either side:
 * {@code AppDomain.Cashiers.Contracts.IntegrationEvents.CashierCreated} (Momentum .NET) matches
 * {@code CashierCreated}.</li>
 * </ol>
 * An exact match always wins. When two targets share a fallback name, that name matches neither
 * (it is listed by {@link #ambiguousNames()}); their exact types still match. Immutable and
 * thread-safe; a match is two hash look-ups at most.
 *
 * @param <T> the target type, for example a handler
 */
public final class CloudEventTypeMatcher<T> {

	private final Map<String, T> exact;

	private final Map<String, T> fallback;

	private final Set<String> ambiguous;

	private CloudEventTypeMatcher(Map<String, T> exact, Map<String, T> fallback, Set<String> ambiguous) {
		this.exact = exact;
		this.fallback = fallback;
		this.ambiguous = ambiguous;
	}

	/**
	 * Start building a matcher.
	 * @param <T> the target type
	 * @return a builder
	 */
	public static <T> Builder<T> builder() {
		return new Builder<>();
	}

	/**
	 * The target of an incoming type.
	 * @param type the CloudEvents {@code type} attribute of a record
	 * @return the target, or {@code null} when no event type of this matcher matches
	 */
	public @Nullable T match(String type) {
		T target = this.exact.get(type);
		if (target != null) {
			return target;
		}
		target = this.fallback.get(type);
		if (target != null) {
			return target;
		}
		String last = lastSegment(type);
		return last.equals(type) ? null : this.fallback.get(last);
	}

	/**
	 * Fallback names that are shared by several targets and therefore match none of them.
	 * @return the ambiguous names, empty in the usual case
	 */
	public Set<String> ambiguousNames() {
		return this.ambiguous;
	}

	static String lastSegment(String type) {
		int index = Math.max(type.lastIndexOf('.'), type.lastIndexOf('+'));
		return (index >= 0 && index < type.length() - 1) ? type.substring(index + 1) : type;
	}

	/**
	 * Builds a {@link CloudEventTypeMatcher}.
	 *
	 * @param <T> the target type
	 */
	public static final class Builder<T> {

		private final List<Entry<T>> entries = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Add an event type.
		 * @param cloudEventType the exact CloudEvents type it is published with
		 * @param eventType the Java class, whose simple name also matches
		 * @param target what a match returns
		 * @return this builder
		 */
		public Builder<T> add(String cloudEventType, Class<?> eventType, T target) {
			Assert.hasText(cloudEventType, "'cloudEventType' must not be empty");
			Assert.notNull(eventType, "'eventType' must not be null");
			Assert.notNull(target, "'target' must not be null");
			this.entries.add(new Entry<>(cloudEventType, eventType, target));
			return this;
		}

		/**
		 * Build the matcher.
		 * @return the matcher
		 * @throws IllegalStateException when two different targets claim the same exact type
		 */
		public CloudEventTypeMatcher<T> build() {
			Map<String, T> exact = new HashMap<>();
			for (Entry<T> entry : this.entries) {
				T previous = exact.putIfAbsent(entry.cloudEventType(), entry.target());
				if (previous != null && !previous.equals(entry.target())) {
					throw new IllegalStateException("CloudEvents type '" + entry.cloudEventType()
							+ "' is used by two event types on one topic: " + previous + " and " + entry.target()
							+ "; give one of them another @EventTopic(type = ...)");
				}
			}
			Map<String, T> fallback = new HashMap<>();
			Set<String> ambiguous = new LinkedHashSet<>();
			for (Entry<T> entry : this.entries) {
				for (String name : fallbackNames(entry)) {
					T previous = fallback.putIfAbsent(name, entry.target());
					if (previous != null && !previous.equals(entry.target())) {
						ambiguous.add(name);
					}
				}
			}
			ambiguous.forEach(fallback::remove);
			return new CloudEventTypeMatcher<>(Map.copyOf(exact), Map.copyOf(fallback),
					Collections.unmodifiableSet(ambiguous));
		}

		private static Set<String> fallbackNames(Entry<?> entry) {
			Set<String> names = new LinkedHashSet<>();
			names.add(entry.eventType().getSimpleName());
			names.add(lastSegment(entry.cloudEventType()));
			return names;
		}

	}

	private record Entry<T>(String cloudEventType, Class<?> eventType, T target) {
	}

	@Override
	public String toString() {
		return "CloudEventTypeMatcher" + this.exact.keySet();
	}

}
