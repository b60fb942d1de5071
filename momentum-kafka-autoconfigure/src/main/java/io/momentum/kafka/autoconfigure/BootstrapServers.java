package io.momentum.kafka.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka bootstrap servers of {@code ConnectionStrings.Messaging}: one or more
 * {@code host:port} entries, validated when parsed so that a typo fails at startup rather than
 * as a connection timeout.
 *
 * @param servers the {@code host:port} entries, trimmed, in the order given
 */
public record BootstrapServers(List<String> servers) {

	/** The key, in the seed's form, that holds the bootstrap servers. */
	public static final String KEY = "ConnectionStrings.Messaging";

	private static final String ACTION = "Set " + KEY
			+ " to one or more host:port pairs separated by commas, for example broker1:9092,broker2:9092";

	private static final Pattern ENTRY = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):([^:]*)");

	/**
	 * Create a new instance.
	 * @param servers the {@code host:port} entries; at least one
	 */
	public BootstrapServers {
		if (servers.isEmpty()) {
			throw new InvalidKafkaConfigurationException(KEY, "no bootstrap server is given", ACTION);
		}
		servers = List.copyOf(servers);
	}

	/**
	 * Parse a connection string such as {@code "broker1:9092, broker2:9092"}. Whitespace around
	 * entries and empty entries are ignored.
	 * @param connectionString the value of {@code ConnectionStrings.Messaging}
	 * @return the bootstrap servers
	 * @throws InvalidKafkaConfigurationException if an entry is not {@code host:port} with a
	 * port from 1 to 65535
	 */
	public static BootstrapServers parse(String connectionString) {
		List<String> servers = new ArrayList<>();
		for (String candidate : connectionString.split(",")) {
			String entry = candidate.strip();
			if (!entry.isEmpty()) {
				servers.add(validate(entry));
			}
		}
		return new BootstrapServers(servers);
	}

	private static String validate(String entry) {
		if (entry.contains("://")) {
			throw invalid(entry, "has a scheme; Kafka bootstrap servers are plain host:port");
		}
		Matcher matcher = ENTRY.matcher(entry);
		if (!matcher.matches()) {
			String problem = (entry.indexOf(':') < 0 || entry.endsWith("]")) ? "has no port" : "is not host:port";
			throw invalid(entry, problem);
		}
		String port = matcher.group(2);
		if (port.isEmpty()) {
			throw invalid(entry, "has no port");
		}
		if (!port.chars().allMatch(Character::isDigit) || port.length() > 5) {
			throw invalid(entry, "has port '" + port + "', which is not a number from 1 to 65535");
		}
		int number = Integer.parseInt(port);
		if (number < 1 || number > 65535) {
			throw invalid(entry, "has port " + number + ", outside the range 1 to 65535");
		}
		return entry;
	}

	private static InvalidKafkaConfigurationException invalid(String entry, String problem) {
		return new InvalidKafkaConfigurationException(KEY, "entry '" + entry + "' " + problem, ACTION);
	}

}
