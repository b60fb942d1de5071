package io.momentum.kafka.topic;

import java.util.Locale;

/**
 * Momentum's kebab-case for entity names: a {@code -} before an upper-case letter that follows a
 * lower-case letter or a digit, and before the last letter of an acronym that is followed by a
 * lower-case letter; underscores, spaces and hyphens become one {@code -}; everything lower-case.
 * <p>
 * {@code InvoiceLine} → {@code invoice-line}, {@code APIName} → {@code api-name},
 * {@code Order2Item} → {@code order2-item}, {@code OrderV2} → {@code order-v2}. Lower-casing
 * uses {@link Locale#ROOT}, so a Turkish default locale does not turn {@code I} into {@code ı}.
 */
public final class KebabCase {

	private KebabCase() {
	}

	/**
	 * Convert a Pascal-case or camel-case name to kebab-case.
	 * @param name the name, for example a simple class name
	 * @return the kebab-case name, empty for an empty name
	 */
	public static String of(String name) {
		StringBuilder result = new StringBuilder(name.length() + 8);
		int length = name.length();
		for (int i = 0; i < length; i++) {
			char c = name.charAt(i);
			if (c == '_' || c == '-' || Character.isWhitespace(c)) {
				appendSeparator(result);
				continue;
			}
			if (i > 0 && Character.isUpperCase(c)) {
				char previous = name.charAt(i - 1);
				boolean afterLowerOrDigit = Character.isLowerCase(previous) || Character.isDigit(previous);
				boolean endOfAcronym = Character.isUpperCase(previous) && i + 1 < length
						&& Character.isLowerCase(name.charAt(i + 1));
				if (afterLowerOrDigit || endOfAcronym) {
					appendSeparator(result);
				}
			}
			result.append(c);
		}
		int end = result.length();
		while (end > 0 && result.charAt(end - 1) == '-') {
			end--;
		}
		return result.substring(0, end).toLowerCase(Locale.ROOT);
	}

	private static void appendSeparator(StringBuilder result) {
		if (!result.isEmpty() && result.charAt(result.length() - 1) != '-') {
			result.append('-');
		}
	}

}
