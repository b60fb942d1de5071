package io.momentum.kafka.autoconfigure;

/**
 * Builds {@code sasl.jaas.config} values. Kafka parses them with a
 * {@link java.io.StreamTokenizer}, in which a quoted value ends at an unescaped quote or line
 * end and a backslash escapes the next character.
 */
final class JaasConfig {

	private JaasConfig() {
	}

	/**
	 * A {@code required} entry of a login module taking a user name and a password.
	 * @param loginModule the login module's class name
	 * @param username the user name
	 * @param password the password
	 * @return the {@code sasl.jaas.config} value
	 */
	static String loginModule(String loginModule, String username, String password) {
		return loginModule + " required username=\"" + quote(username) + "\" password=\"" + quote(password) + "\";";
	}

	static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 8);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> quoted.append("\\\\");
				case '"' -> quoted.append("\\\"");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				default -> quoted.append(c);
			}
		}
		return quoted.toString();
	}

}
