package io.momentum.kafka.benchmarks;

import java.util.Map;

/**
 * Runs the end-to-end harness and writes its results into {@code docs/benchmarks.md}; see that page for the
 * command and the arguments ({@code --name=value}).
 */
public final class HarnessMain {

	/** The section of the docs page the harness writes. */
	static final String SECTION = "harness";

	private HarnessMain() {
	}

	public static void main(String[] args) {
		int status = 0;
		try {
			HarnessSettings settings = HarnessSettings.parse(args);
			String report = run(settings);
			System.out.println(report);
			if (settings.docs() != null) {
				DocsFile.replaceSection(settings.docs(), SECTION, report);
				System.out.println("Results written to " + settings.docs().toAbsolutePath().normalize());
			}
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		// A failed run can leave non-daemon client threads behind: make sure the JVM (and so the broker) ends
		System.exit(status);
	}

	/**
	 * Run the harness.
	 * @param settings what to run
	 * @return the report, in Markdown
	 */
	static String run(HarnessSettings settings) throws Exception {
		Map<String, String> machine = MachineDescription.describe();
		try (Harness harness = new Harness(settings, (line) -> System.out.println("[harness] " + line))) {
			HarnessResults results = harness.run();
			return HarnessReport.markdown(settings, machine, results);
		}
	}

}
