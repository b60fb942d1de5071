package io.momentum.kafka.test.broker;

/**
 * A JVM that starts a broker, prints its pid and work directory, and waits to be killed: the test of what happens
 * to a broker whose test JVM dies.
 */
final class BrokerParentMain {

	private BrokerParentMain() {
	}

	public static void main(String[] args) throws Exception {
		KafkaBrokerProcess broker = KafkaBrokerProcess.builder().build();
		broker.start();
		System.out.println("broker-pid=" + broker.pid().getAsInt());
		System.out.println("broker-work-directory=" + broker.workDirectory());
		System.out.flush();
		Thread.sleep(120_000);
	}

}
