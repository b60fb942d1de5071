package io.momentum.kafka.it.reliability;

/**
 * The messages of an exception and all its causes, for assertions on what a user reads in a log.
 */
final class Causes {

	private Causes() {
	}

	/**
	 * {@code toString()} of the exception and of each cause, one per line.
	 * @param failure the exception
	 * @return the messages
	 */
	static String of(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

}
