package io.momentum.kafka.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The startup report of the event catalog: one row per event type with its topic and
 * partition-key components, plus any {@link Column columns} other features contribute (the
 * consuming side adds the handler). Also produces the one warning that lists the event types
 * without a partition key.
 */
public class EventCatalogReport {

	private static final String NONE = "-";

	private final EventCatalog catalog;

	private final List<Column> columns;

	/**
	 * Create a report.
	 * @param catalog the event catalog
	 * @param columns extra columns, in order
	 */
	public EventCatalogReport(EventCatalog catalog, List<? extends Column> columns) {
		this.catalog = catalog;
		this.columns = List.copyOf(columns);
	}

	/**
	 * The report as text: a title line, then an aligned table of event type → topic → key
	 * components → extra columns.
	 * @return the report
	 */
	public String render() {
		Collection<EventDescriptor> events = this.catalog.events();
		if (events.isEmpty()) {
			return "Momentum Kafka found no integration event types (@EventTopic) in the scanned packages (the "
					+ "@SpringBootApplication package and momentum.kafka.scan-packages)";
		}
		List<String> headers = new ArrayList<>(List.of("event type", "topic", "partition key"));
		this.columns.forEach((column) -> headers.add(column.header()));
		Map<String, Long> simpleNames = events.stream()
			.collect(Collectors.groupingBy((event) -> event.eventType().getSimpleName(), Collectors.counting()));
		List<List<String>> rows = new ArrayList<>();
		for (EventDescriptor event : events) {
			Class<?> type = event.eventType();
			List<String> row = new ArrayList<>();
			row.add((simpleNames.get(type.getSimpleName()) > 1) ? type.getName() : type.getSimpleName());
			row.add(event.topic());
			row.add(event.partitionKey().hasKey() ? String.join(" | ", event.partitionKey().components())
					: "(none: event id)");
			for (Column column : this.columns) {
				String value = column.value(event);
				row.add((value != null && !value.isBlank()) ? value : NONE);
			}
			rows.add(row);
		}
		return "Momentum Kafka integration events (" + events.size() + " types on " + this.catalog.topics().size()
				+ " topics, each with a '" + EventDescriptor.DEAD_LETTER_SUFFIX + "' topic):" + table(headers, rows);
	}

	/**
	 * The event types that declare no partition key (their records are keyed by the event id, so
	 * events of one entity may be handled out of order).
	 * @return the event types, in catalog order
	 */
	public List<Class<?>> eventTypesWithoutKey() {
		return this.catalog.events()
			.stream()
			.filter((event) -> !event.partitionKey().hasKey())
			.<Class<?>>map(EventDescriptor::eventType)
			.toList();
	}

	/**
	 * The warning about event types without a partition key.
	 * @return the warning, or empty when every event type has a key
	 */
	public Optional<String> noKeyWarning() {
		List<Class<?>> types = eventTypesWithoutKey();
		if (types.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Integration event types without a partition key: "
				+ types.stream().map(Class::getName).toList() + ". Their records are keyed by the event id, so "
				+ "events about one entity may land on different partitions and be handled out of order. Mark the "
				+ "identifying components with @PartitionKey (a tenant, order or user id) or implement "
				+ "DistributedEvent");
	}

	private static String table(List<String> headers, List<List<String>> rows) {
		int[] widths = new int[headers.size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = headers.get(i).length();
			for (List<String> row : rows) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		StringBuilder table = new StringBuilder();
		appendRow(table, headers, widths);
		for (List<String> row : rows) {
			appendRow(table, row, widths);
		}
		return table.toString();
	}

	private static void appendRow(StringBuilder table, List<String> cells, int[] widths) {
		StringBuilder line = new StringBuilder("  ");
		for (int i = 0; i < cells.size(); i++) {
			line.append(cells.get(i));
			if (i < cells.size() - 1) {
				line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
			}
		}
		table.append(System.lineSeparator()).append(line);
	}

	/**
	 * An extra column of the report, contributed as a bean by another feature.
	 */
	public interface Column {

		/**
		 * The column header, for example {@code handler}.
		 * @return the header
		 */
		String header();

		/**
		 * The cell of one event type.
		 * @param event the event type's descriptor
		 * @return the cell text, or {@code null} for none
		 */
		@Nullable String value(EventDescriptor event);

		/**
		 * Create a column.
		 * @param header the header
		 * @param values the cell of each event type
		 * @return the column
		 */
		static Column of(String header, Function<EventDescriptor, @Nullable String> values) {
			return new Column() {

				@Override
				public String header() {
					return header;
				}

				@Override
				public @Nullable String value(EventDescriptor event) {
					return values.apply(event);
				}

			};
		}

	}

}
