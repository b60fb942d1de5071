package io.momentum.sample;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample on an embedded Kafka broker, with no Docker and no installed Kafka: from the
 * repository root,
 * <pre>
 * mvn -pl momentum-kafka-sample -am spring-boot:test-run
 * </pre>
 * or run this class from the IDE. The broker starts before the application context, so that
 * {@code ConnectionStrings.Messaging} is set when Momentum Kafka's auto-configurations look for it,
 * and stops after the context closed (Ctrl-C or {@code SIGTERM}), once the application's consumers
 * have left their group and its producers are closed. To run against a real cluster, run
 * {@link AppDomainApplication} with {@code ConnectionStrings.Messaging} set instead.
 */
public final class TestAppDomainApplication {

	private TestAppDomainApplication() {
	}

	public static void main(String[] args) {
		run(args);
	}

	static SpringApplication.Running run(String... args) {
		DevelopmentKafkaBroker broker = DevelopmentKafkaBroker.start();
		// Spring Boot runs its shutdown handlers after the application contexts are closed.
		SpringApplication.getShutdownHandlers().add(broker::close);
		try {
			return SpringApplication.from(AppDomainApplication::main).with(EmbeddedBrokerConfiguration.class).run(args);
		}
		catch (RuntimeException | Error ex) {
			// A context that failed to start may not have created the broker bean that closes it; the
			// broker's threads would keep the JVM alive.
			broker.close();
			throw ex;
		}
	}

}
