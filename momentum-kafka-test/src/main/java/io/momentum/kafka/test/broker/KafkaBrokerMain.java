package io.momentum.kafka.test.broker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the broker JVM that {@link KafkaBrokerProcess} starts; not meant to be called by tests.
 * <p>
 * It halts the broker when the JVM that started it dies (so a killed test run leaves no broker behind), formats the
 * storage when asked (in the same JVM, saving a JVM start), then runs {@code kafka.Kafka}.
 * <p>
 * Arguments: {@code <server.properties> [--format <cluster-id> [--add-scram <spec>]...]}. The system property
 * {@value #PARENT_PID_PROPERTY} names the parent's process id.
 */
public final class KafkaBrokerMain {

	/** System property with the process id of the JVM that started the broker. */
	public static final String PARENT_PID_PROPERTY = "momentum.kafka.test.parent-pid";

	private KafkaBrokerMain() {
	}

	/**
	 * Runs the broker.
	 * @param args {@code <server.properties> [--format <cluster-id> [--add-scram <spec>]...]}
	 */
	public static void main(String[] args) {
		haltWhenParentDies();
		String serverProperties = args[0];
		if (args.length > 2 && args[1].equals("--format")) {
			List<String> format = new ArrayList<>(List.of("format", "-t", args[2], "-c", serverProperties));
			format.addAll(Arrays.asList(args).subList(3, args.length));
			int status;
			try {
				status = StorageTool.execute(format.toArray(String[]::new), System.out);
			}
			catch (Throwable ex) {
				System.out.println("Formatting the broker storage failed: " + ex);
				ex.printStackTrace(System.out);
				status = 1;
			}
			if (status != 0) {
				System.out.println("Formatting the broker storage failed with status " + status);
				System.out.flush();
				Runtime.getRuntime().halt(status);
			}
		}
		Kafka.main(new String[] { serverProperties });
	}

	private static void haltWhenParentDies() {
		String parentPid = System.getProperty(PARENT_PID_PROPERTY);
		if (parentPid == null) {
			return;
		}
		Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid));
		if (parent.isEmpty()) {
			Runtime.getRuntime().halt(3);
		}
		parent.get().onExit().thenRun(() -> {
			System.out.println("The JVM that started this broker (pid " + parentPid + ") exited: halting the broker");
			System.out.flush();
			Runtime.getRuntime().halt(3);
		});
	}

}
