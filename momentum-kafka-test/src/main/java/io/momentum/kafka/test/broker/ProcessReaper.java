package io.momentum.kafka.test.broker;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills the broker processes of this JVM when it exits and deletes their temporary work directories. (When this
 * JVM is killed, {@link KafkaBrokerMain} halts the broker itself.)
 */
final class ProcessReaper {

	private static final Set<KafkaBrokerProcess> brokers = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reap, "momentum-kafka-broker-reaper"));
	}

	private ProcessReaper() {
	}

	static void register(KafkaBrokerProcess broker) {
		brokers.add(broker);
	}

	static void unregister(KafkaBrokerProcess broker) {
		brokers.remove(broker);
	}

	private static void reap() {
		for (KafkaBrokerProcess broker : brokers) {
			Process process = broker.process();
			if (process != null) {
				process.destroyForcibly();
			}
		}
		for (KafkaBrokerProcess broker : brokers) {
			Process process = broker.process();
			if (process != null) {
				KafkaBrokerProcess.waitForExit(process, Duration.ofSeconds(5));
			}
			broker.deleteWorkDirectory();
		}
	}

}
