package io.momentum.kafka.it.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.consuming.IntegrationEventListenerContainers;
import io.momentum.kafka.health.KafkaHealthIndicator;
import io.momentum.kafka.it.reliability.app.HandledEvents;
import io.momentum.kafka.it.reliability.app.LedgerApplication;
import io.momentum.kafka.it.reliability.app.PaymentRecorded;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.broker.KafkaBrokerProcess;
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * One running instance of {@link LedgerApplication}, started the way a user starts a service: a
 * {@link org.springframework.boot.SpringApplication} whose only Kafka settings are the properties given, with the
 * scenario's {@link HandledEvents}.
 */
final class LedgerService implements AutoCloseable {

	static final String APPLICATION_NAME = "ledger-service";

	private final ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private LedgerService(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Properties every scenario starts from: a service named {@value #APPLICATION_NAME} with topics in environment
	 * {@code environment} ({@code <environment>.ledger.public.payments}), three partitions, consumers that start at the earliest offset (events published before
	 * the consumer joined are handled too), no web server and short health and lag timeouts.
	 * @param bootstrapServers {@code ConnectionStrings.Messaging}
	 * @param environment the topic environment segment, at most 4 characters, one per scenario
	 * @return mutable properties
	 */
	static Map<String, Object> defaults(String bootstrapServers, String environment) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("ConnectionStrings.Messaging", bootstrapServers);
		properties.put("spring.application.name", APPLICATION_NAME);
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.web-application-type", "none");
		properties.put("momentum.kafka.environment", environment);
		properties.put("momentum.kafka.topics.partitions", 3);
		properties.put("momentum.kafka.consumer.auto-offset-reset", "earliest");
		properties.put("momentum.kafka.health.timeout", "2s");
		properties.put("momentum.kafka.metrics.lag-interval", "2s");
		// Logging levels outlive a context in one JVM: set the test default each time.
		properties.put("logging.level.org.apache.kafka", "warn");
		return properties;
	}

	/**
	 * Adds an HTTP server on a free port with the Actuator endpoints the security scenarios read.
	 * @param properties the properties to change
	 * @return the same properties
	 */
	static Map<String, Object> withActuatorOverHttp(Map<String, Object> properties) {
		properties.put("spring.main.web-application-type", "servlet");
		properties.put("server.port", 0);
		properties.put("management.endpoints.web.exposure.include", "health,env,configprops");
		properties.put("management.endpoint.health.show-details", "always");
		properties.put("management.endpoint.env.show-values", "always");
		properties.put("management.endpoint.configprops.show-values", "always");
		return properties;
	}

	/**
	 * The offsets group {@value #APPLICATION_NAME} committed on the partitions of a topic, read with an admin client.
	 * @param broker the broker
	 * @param topic the topic
	 * @return the committed offset by partition; a partition without a commit is absent
	 * @throws Exception if the broker does not answer within 30 seconds
	 */
	static Map<TopicPartition, Long> committedOffsets(KafkaBrokerProcess broker, String topic) throws Exception {
		try (Admin admin = broker.createAdmin()) {
			Map<TopicPartition, Long> committed = new HashMap<>();
			for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : admin.listConsumerGroupOffsets(APPLICATION_NAME)
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS)
				.entrySet()) {
				if (entry.getKey().topic().equals(topic) && entry.getValue() != null) {
					committed.put(entry.getKey(), entry.getValue().offset());
				}
			}
			return committed;
		}
	}

	static LedgerService start(Map<String, Object> properties, HandledEvents handledEvents) {
		return start(properties, handledEvents, Map.of());
	}

	/**
	 * Starts the service.
	 * @param properties its configuration
	 * @param handledEvents where the handler reports
	 * @param beans more singletons by name, for example a {@code ConsumptionObserver}
	 * @return the running service
	 */
	static LedgerService start(Map<String, Object> properties, HandledEvents handledEvents, Map<String, Object> beans) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApplication.class)
			.listeners(new ScenarioProperties(Map.copyOf(properties)))
			.initializers((applicationContext) -> {
				applicationContext.getBeanFactory().registerSingleton("handledEvents", handledEvents);
				beans.forEach(applicationContext.getBeanFactory()::registerSingleton);
			})
			.run();
		return new LedgerService(context);
	}

	/**
	 * Adds the scenario's properties ahead of every other source as soon as the environment exists: before logging
	 * is initialized ({@code logging.level.*}) and before Spring Boot binds {@code spring.main.*}.
	 */
	private record ScenarioProperties(Map<String, Object> properties)
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			event.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("reliability-scenario", this.properties));
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	IntegrationEventPublisher publisher() {
		return this.context.getBean(IntegrationEventPublisher.class);
	}

	/**
	 * Publishes one {@link PaymentRecorded} and lets the ledger follow its future.
	 * @param ledger the ledger
	 * @param account the partition key
	 * @param sequence the sequence number
	 * @return the future
	 */
	java.util.concurrent.CompletableFuture<PublishResult> publish(DeliveryLedger ledger, String account,
			long sequence) {
		return ledger.track(publisher().publish(new PaymentRecorded(account, sequence, System.nanoTime())));
	}

	/**
	 * Publishes events one at a time until every partition of the topic has acknowledged one, before a scenario
	 * starts publishing in bulk.
	 * <p>
	 * Works around KAFKA-15591 (fixed in a Kafka release later than 4.1): on a partition created a moment ago, the
	 * first produce request can fail with {@code NOT_LEADER_OR_FOLLOWER} while a later one in flight on the same
	 * connection is written; the idempotent producer then retries the first with {@code OUT_OF_ORDER_SEQUENCE_NUMBER}
	 * until {@code delivery.timeout.ms} fails it. The suite measures broker failures, not that race; one record per
	 * partition, sent alone, cannot be overtaken. These events are not in any ledger.
	 */
	void warmUp() {
		int partitions = this.context.getEnvironment().getRequiredProperty("momentum.kafka.topics.partitions",
				Integer.class);
		java.util.Set<Integer> written = new java.util.HashSet<>();
		for (int i = 0; written.size() < partitions; i++) {
			if (i > 100 * partitions) {
				throw new IllegalStateException("Partitions " + written + " of " + topic() + " written after " + i
						+ " events: the partition key spreads too little");
			}
			written.add(publisher().publishAndWait(new PaymentRecorded("warm-up-" + i, -1, System.nanoTime()))
				.partition());
		}
	}

	Health health() {
		return this.context.getBean(KafkaHealthIndicator.class).health(true);
	}

	String topic() {
		return this.context.getBean(EventCatalog.class).require(PaymentRecorded.class).topic();
	}

	ConcurrentMessageListenerContainer<byte[], byte[]> container() {
		ConcurrentMessageListenerContainer<byte[], byte[]> container = this.context
			.getBean(IntegrationEventListenerContainers.class)
			.getContainer(topic());
		if (container == null) {
			throw new IllegalStateException("No listener container for " + topic());
		}
		return container;
	}

	/**
	 * GETs a path of the service's HTTP server.
	 * @param path for example {@code /actuator/env}
	 * @return the response
	 */
	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
