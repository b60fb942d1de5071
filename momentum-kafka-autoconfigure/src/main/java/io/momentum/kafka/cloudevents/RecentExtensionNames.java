package io.momentum.kafka.cloudevents;

/**
 * The CloudEvents extension names of recent {@code ce_} headers: each record's header names are new strings, and
 * cutting the {@code ce_} prefix off each would make another. A fixed number of names, the oldest replaced first;
 * shared by consumer threads without locking (a thread that misses a name another has just added cuts it again).
 */
final class RecentExtensionNames {

	private static final int SIZE = 8;

	private static final int PREFIX_LENGTH = "ce_".length();

	private final String[] names = new String[SIZE];

	private int next;

	/**
	 * The extension name of a header.
	 * @param headerName a {@code ce_} header name longer than the prefix
	 * @return the name without the prefix, the same instance as for earlier headers of that name
	 */
	String of(String headerName) {
		int length = headerName.length() - PREFIX_LENGTH;
		for (String name : this.names) {
			if (name != null && name.length() == length && headerName.regionMatches(PREFIX_LENGTH, name, 0, length)) {
				return name;
			}
		}
		String name = headerName.substring(PREFIX_LENGTH);
		int slot = this.next;
		this.next = (slot + 1) % SIZE;
		this.names[slot] = name;
		return name;
	}

}
