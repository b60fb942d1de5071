package io.momentum.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Exit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker inside the JVM for running the sample without Docker or an installed
 * Kafka: the broker {@code @MomentumKafkaTest} uses ({@link EmbeddedKafkaKraftBroker}), with a
 * lifecycle for a long-running process. It is closed after the application (or when the
 * application fails to start), which also deletes its log directories, so that no {@code /tmp}
 * directory and no broker thread outlives a run.
 * <p>
 * While it runs, the system property {@code ConnectionStrings.Messaging} names it: set before the
 * application context is created, so that Momentum Kafka switches on and connects to it. A system
 * property wins over the environment and {@code application*.yml}, so a run on the embedded broker
 * never reaches another cluster by mistake.
 */
public final class DevelopmentKafkaBroker implements AutoCloseable {

	static final String CONNECTION_STRING_PROPERTY = "ConnectionStrings.Messaging";

	private static final Logger logger = LoggerFactory.getLogger(DevelopmentKafkaBroker.class);

	private static @Nullable DevelopmentKafkaBroker running;

	private final EmbeddedKafkaKraftBroker broker;

	private final List<Runnable> deferredShutdownHooks;

	private final String bootstrapServers;

	private boolean closed;

	private DevelopmentKafkaBroker(EmbeddedKafkaKraftBroker broker, List<Runnable> deferredShutdownHooks) {
		this.broker = broker;
		this.deferredShutdownHooks = deferredShutdownHooks;
		this.bootstrapServers = broker.getBrokersAsString();
	}

	/**
	 * Start the broker, unless one is running already, and point
	 * {@code ConnectionStrings.Messaging} at it.
	 * @return the running broker
	 */
	public static synchronized DevelopmentKafkaBroker start() {
		DevelopmentKafkaBroker broker = running;
		if (broker == null) {
			long started = System.nanoTime();
			EmbeddedKafkaKraftBroker kraft = new EmbeddedKafkaKraftBroker(1, 1);
			// Like a production cluster: topics come from Momentum's provisioning, never from a client's
			// first use; a rebalance does not wait 3 s for more members of a group that has one.
			kraft.brokerProperties(Map.of("auto.create.topics.enable", "false", "offsets.topic.num.partitions", "5",
					"group.initial.rebalance.delay.ms", "0"));
			// Its default, the system property spring.kafka.bootstrap-servers, would outrank the application's
			// configuration; ConnectionStrings.Messaging is what the application is meant to read.
			kraft.brokerListProperty("momentum.sample.embedded-kafka.bootstrap-servers");
			// Kafka's test kit registers JVM shutdown hooks that delete the broker's directories. On Ctrl-C they
			// would run beside Spring Boot's hook, deleting the logs under a broker that the application's
			// consumers are still leaving (errors in the console); run them when the broker is closed instead.
			List<Runnable> deferredShutdownHooks = new ArrayList<>();
			Exit.setShutdownHookAdder((name, hook) -> deferredShutdownHooks.add(hook));
			try {
				kraft.afterPropertiesSet();
			}
			catch (RuntimeException ex) {
				deferredShutdownHooks.forEach(Runnable::run);
				throw ex;
			}
			finally {
				Exit.resetShutdownHookAdder();
			}
			broker = new DevelopmentKafkaBroker(kraft, deferredShutdownHooks);
			System.setProperty(CONNECTION_STRING_PROPERTY, broker.bootstrapServers);
			logger.info("Embedded Kafka broker (KRaft) started at {} in {} ms", broker.bootstrapServers,
					(System.nanoTime() - started) / 1_000_000);
			running = broker;
		}
		return broker;
	}

	/**
	 * The bootstrap servers, as set in {@code ConnectionStrings.Messaging}.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * Whether the broker has been closed.
	 * @return {@code true} once {@link #close()} ran
	 */
	public synchronized boolean isClosed() {
		return this.closed;
	}

	/**
	 * Stop the broker, delete its directories and remove {@code ConnectionStrings.Messaging};
	 * does nothing the second time.
	 */
	@Override
	public void close() {
		synchronized (DevelopmentKafkaBroker.class) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (running == this) {
				running = null;
			}
			if (this.bootstrapServers.equals(System.getProperty(CONNECTION_STRING_PROPERTY))) {
				System.clearProperty(CONNECTION_STRING_PROPERTY);
			}
		}
		this.broker.destroy();
		this.deferredShutdownHooks.forEach(Runnable::run);
		logger.info("Embedded Kafka broker at {} stopped", this.bootstrapServers);
	}

}
