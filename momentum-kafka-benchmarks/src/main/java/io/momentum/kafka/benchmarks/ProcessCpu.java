package io.momentum.kafka.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time of this JVM (all its threads: application, Kafka client I/O, GC and JIT) and the system load average.
 * The broker is another process, so its CPU is not counted.
 */
final class ProcessCpu {

	private static final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();

	private ProcessCpu() {
	}

	/**
	 * CPU time this process has used.
	 * @return nanoseconds
	 */
	static long nanos() {
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			return sun.getProcessCpuTime();
		}
		throw new IllegalStateException("This JVM does not report its process CPU time "
				+ "(com.sun.management.OperatingSystemMXBean is not available)");
	}

	/**
	 * The one-minute system load average.
	 * @return the load average, negative when unavailable
	 */
	static double loadAverage() {
		return os.getSystemLoadAverage();
	}

}
