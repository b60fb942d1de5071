package io.momentum.kafka.consuming.error;

import java.util.List;

import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CashierUpdated;
import io.momentum.kafka.partitioning.PartitionKeyExtractor;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTopicResolverTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	@Test
	void deadLetterTopicComesFromTheCatalogAndThePartitionIsKept() {
		// A catalog is free to name dead-letter topics: the resolver must not recompute them.
		EventCatalog catalog = new EventCatalog(List.of(descriptor(CashierCreated.class, "cashiers-dlt"),
				descriptor(CashierUpdated.class, "cashiers-dlt")));
		DeadLetterTopicResolver resolver = new DeadLetterTopicResolver(() -> catalog);
		assertThat(resolver.apply(new ConsumerRecord<>(TOPIC, 4, 17L, null, null), new RuntimeException()))
			.isEqualTo(new TopicPartition("cashiers-dlt", 4));
	}

	@Test
	void topicWithoutIntegrationEventsFollowsTheNamingConvention() {
		EventCatalog catalog = new EventCatalog(List.of(descriptor(CashierCreated.class, "cashiers-dlt")));
		assertThat(new DeadLetterTopicResolver(() -> catalog).deadLetterTopic("audit"))
			.isEqualTo("audit.dead-letter");
		assertThat(new DeadLetterTopicResolver(() -> null).deadLetterTopic(TOPIC)).isEqualTo(TOPIC + ".dead-letter");
	}

	private static EventDescriptor descriptor(Class<?> type, String deadLetterTopic) {
		return new EventDescriptor(type, TOPIC, deadLetterTopic, type.getSimpleName(), new NoKey(), null, null, null);
	}

	private static final class NoKey implements PartitionKeyExtractor {

		@Override
		public String extract(Object event) {
			return null;
		}

		@Override
		public List<String> components() {
			return List.of();
		}

	}

}
