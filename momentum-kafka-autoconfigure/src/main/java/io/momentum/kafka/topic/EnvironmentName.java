package io.momentum.kafka.topic;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The environment segment of topic names, shortened as Momentum's .NET code does.
 * <p>
 * The name is {@code momentum.kafka.environment} if set, else the first active Spring profile,
 * else {@code dev}. It is lower-cased; {@code development} becomes {@code dev}; a name shorter
 * than 5 characters stays; anything else is cut to its first 4 characters ({@code production} →
 * {@code prod}, {@code staging} → {@code stag}, {@code local} → {@code loca}). An alias for the
 * lower-cased name ({@code momentum.kafka.environment-aliases.staging=stg}) replaces the rule.
 *
 * @param value the segment, for example {@code prod}
 */
public record EnvironmentName(String value) {

	/** The environment used when neither a configured name nor an active profile exists. */
	public static final String DEFAULT = "dev";

	public EnvironmentName {
		if (!StringUtils.hasText(value)) {
			throw new IllegalArgumentException("The environment segment of topic names must not be empty: set "
					+ "momentum.kafka.environment or fix momentum.kafka.environment-aliases");
		}
	}

	/**
	 * Resolve the environment segment.
	 * @param configured {@code momentum.kafka.environment}, or {@code null}
	 * @param activeProfiles the active Spring profiles, first wins
	 * @param aliases environment names (any case) mapped to the segment to use
	 * @return the environment segment
	 */
	public static EnvironmentName resolve(@Nullable String configured, List<String> activeProfiles,
			Map<String, String> aliases) {
		if (StringUtils.hasText(configured)) {
			return of(configured, aliases);
		}
		for (String profile : activeProfiles) {
			if (StringUtils.hasText(profile)) {
				return of(profile, aliases);
			}
		}
		return of(DEFAULT, aliases);
	}

	/**
	 * Normalise one environment name.
	 * @param name the environment name, for example {@code Production}
	 * @param aliases environment names (any case) mapped to the segment to use
	 * @return the environment segment
	 */
	public static EnvironmentName of(String name, Map<String, String> aliases) {
		String lowerCase = name.trim().toLowerCase(Locale.ROOT);
		for (Map.Entry<String, String> alias : aliases.entrySet()) {
			if (alias.getKey().trim().toLowerCase(Locale.ROOT).equals(lowerCase)) {
				return new EnvironmentName(alias.getValue().trim().toLowerCase(Locale.ROOT));
			}
		}
		return new EnvironmentName(shorten(lowerCase));
	}

	private static String shorten(String name) {
		if (name.equals("development")) {
			return DEFAULT;
		}
		return (name.length() < 5) ? name : name.substring(0, 4);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
