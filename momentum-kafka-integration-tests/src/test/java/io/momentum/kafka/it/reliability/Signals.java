package io.momentum.kafka.it.reliability;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Stops and continues a process with {@code kill -STOP} / {@code kill -CONT}: a frozen broker keeps its port open and
 * its connections established, but answers nothing, as behind a network partition.
 */
final class Signals {

	private Signals() {
	}

	static void freeze(long pid) {
		signal("-STOP", pid);
	}

	static void thaw(long pid) {
		signal("-CONT", pid);
	}

	private static void signal(String signal, long pid) {
		try {
			Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill " + signal + " " + pid + " failed");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run kill " + signal + " " + pid, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while signalling " + pid, ex);
		}
	}

}
