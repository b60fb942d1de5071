package io.momentum.kafka.health;

import java.util.ArrayList;
import java.util.List;

import io.momentum.kafka.partitioning.PartitionKeyExtractor;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import org.jspecify.annotations.Nullable;

/**
 * Event catalogs for the health and metrics tests, built from hand-written descriptors: the
 * catalog built from @EventTopic scanning is written in parallel (topics engineer), and these
 * tests need only topic names.
 */
public final class ObservabilityTestCatalogs {

	private static final Class<?>[] EVENT_TYPES = { CashierCreated.class, InvoiceUpdated.class, OrderCreated.class };

	private ObservabilityTestCatalogs() {
	}

	/**
	 * A catalog with one event type per topic (at most three).
	 * @param topics the event topics; dead-letter topics are {@code topic + ".dead-letter"}
	 * @return the catalog
	 */
	public static EventCatalog catalog(String... topics) {
		List<EventDescriptor> descriptors = new ArrayList<>();
		for (int i = 0; i < topics.length; i++) {
			Class<?> type = EVENT_TYPES[i];
			descriptors.add(new EventDescriptor(type, topics[i], topics[i] + EventDescriptor.DEAD_LETTER_SUFFIX,
					type.getSimpleName(), NoKey.INSTANCE, null, null, null));
		}
		return new EventCatalog(descriptors);
	}

	record CashierCreated() {
	}

	record InvoiceUpdated() {
	}

	record OrderCreated() {
	}

	enum NoKey implements PartitionKeyExtractor {

		INSTANCE;

		@Override
		public @Nullable String extract(Object event) {
			return null;
		}

		@Override
		public List<String> components() {
			return List.of();
		}

	}

}
