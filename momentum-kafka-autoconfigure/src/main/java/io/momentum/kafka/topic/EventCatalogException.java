package io.momentum.kafka.topic;

import java.util.List;

/**
 * Thrown at startup when integration event types break Momentum's rules. Lists every problem
 * found, each naming the event class, the rule and the fix.
 */
public class EventCatalogException extends IllegalStateException {

	private final List<String> problems;

	/**
	 * Create an exception listing problems.
	 * @param problems one line per problem, each starting with the event class name
	 */
	public EventCatalogException(List<String> problems) {
		super(message(problems));
		this.problems = List.copyOf(problems);
	}

	private static String message(List<String> problems) {
		StringBuilder message = new StringBuilder("Invalid integration event types (")
			.append(problems.size())
			.append((problems.size() == 1) ? " problem" : " problems")
			.append("):");
		for (String problem : problems) {
			message.append(System.lineSeparator()).append(" - ").append(problem);
		}
		return message.toString();
	}

	/**
	 * The problems, one per line of the message.
	 * @return the problems
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
