package io.momentum.sample;

import java.util.List;

import io.momentum.kafka.topic.EventCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * What {@link TestAppDomainApplication} adds to the sample: the embedded broker as a bean, and a
 * note on what to try once the application is ready.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedBrokerConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

	private static final String EXAMPLE_TENANT = "0f8fad5b-d9cb-469f-a165-70867728950e";

	// Not closed by the context: as a bean it would be destroyed before the publisher's producer, which
	// would then try to reach it. TestAppDomainApplication closes it after the context.
	@Bean(destroyMethod = "")
	DevelopmentKafkaBroker developmentKafkaBroker() {
		return DevelopmentKafkaBroker.start();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> embeddedBrokerReadyNote(DevelopmentKafkaBroker broker,
			ObjectProvider<EventCatalog> catalog) {
		return (event) -> {
			String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
			String url = "http://localhost:" + port;
			List<String> topics = catalog.stream().flatMap((c) -> c.topics().stream()).sorted().toList();
			logger.info(String.join(System.lineSeparator(), "",
					"appdomain-api is ready on an embedded Kafka broker at " + broker.bootstrapServers()
							+ " (it stops with the application)",
					"  topics:       " + String.join(", ", topics),
					"  publish:      curl -i -X POST " + url + "/cashiers -H 'Content-Type: application/json' -d '{\"tenantId\":\""
							+ EXAMPLE_TENANT + "\",\"name\":\"Ada\"}'",
					"  read model:   curl " + url + "/cashiers",
					"  health:       curl " + url + "/actuator/health",
					"  dead letters: publish a cashier named reject-me, then curl " + url + "/dead-letters"));
		};
	}

}
