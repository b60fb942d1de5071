package io.momentum.kafka.test.broker;

import java.util.Map;

/**
 * Writes a {@code .properties} file in the given order, escaped as {@link java.util.Properties#load} reads it (so a
 * JAAS password with a backslash survives), without the time-stamp comment of {@code Properties.store}.
 */
final class PropertiesWriter {

	private PropertiesWriter() {
	}

	static String write(Map<String, String> properties) {
		StringBuilder out = new StringBuilder();
		properties.forEach((name, value) -> out.append(escape(name, true)).append('=').append(escape(value, false))
			.append('\n'));
		return out.toString();
	}

	private static String escape(String text, boolean key) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\f' -> out.append("\\f");
				case '=', ':', '#', '!' -> out.append(key ? "\\" : "").append(c);
				case ' ' -> out.append((key || i == 0) ? "\\ " : " ");
				default -> {
					if (c < 0x20 || c > 0x7e) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
