package io.momentum.kafka.benchmarks.jmh;

import java.util.List;

import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.benchmarks.events.OrderCreated;
import io.momentum.kafka.topic.EnvironmentName;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventCatalogFactory;
import io.momentum.kafka.topic.TopicNameResolver;

/**
 * What the benchmarks share: the seed's configuration (environment {@code dev}, application
 * {@code appdomain-api}).
 */
final class Fixtures {

	static final String SOURCE = "appdomain-api";

	private Fixtures() {
	}

	static TopicNameResolver topicNameResolver() {
		return new TopicNameResolver(new EnvironmentName(EnvironmentName.DEFAULT), null, SOURCE);
	}

	static EventCatalog catalog() {
		return new EventCatalogFactory(topicNameResolver(), null, null)
			.create(List.of(CashierCreated.class, OrderCreated.class));
	}

}
