package io.momentum.kafka.topic;

import java.util.List;

import io.momentum.kafka.testevents.nokey.AuditLogged;
import io.momentum.kafka.testevents.nokey.TenantTagged;
import io.momentum.kafka.testevents.seed.CashierCreated;
import io.momentum.kafka.testevents.seed.OrderValidated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventCatalogReportTests {

	private final EventCatalogFactory factory = new EventCatalogFactory(
			new TopicNameResolver(new EnvironmentName("dev"), null, "appdomain-api"), null, null);

	@Test
	void listsEventTypeTopicAndKeyComponents() {
		EventCatalog catalog = this.factory.create(List.of(CashierCreated.class, OrderValidated.class,
				AuditLogged.class));
		String report = new EventCatalogReport(catalog, List.of()).render();
		assertThat(report).startsWith("Momentum Kafka integration events (3 types on 3 topics");
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).matches(
				"\\s+CashierCreated\\s+dev\\.appdomain\\.public\\.cashiers\\s+tenantId"));
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).matches(
				"\\s+AuditLogged\\s+dev\\.appdomain\\.public\\.audit\\s+\\(none: event id\\)"));
	}

	@Test
	void contributedColumnsAreAppended() {
		EventCatalog catalog = this.factory.create(List.of(CashierCreated.class, OrderValidated.class));
		EventCatalogReport.Column handler = EventCatalogReport.Column.of("handler",
				(event) -> (event.eventType() == CashierCreated.class) ? "CashierHandler#on" : null);
		String report = new EventCatalogReport(catalog, List.of(handler)).render();
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).matches(
				"\\s+event type\\s+topic\\s+partition key\\s+handler"));
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).matches(
				"\\s+CashierCreated\\s+dev\\.appdomain\\.public\\.cashiers\\s+tenantId\\s+CashierHandler#on"));
		assertThat(report.lines()).anySatisfy((line) -> assertThat(line).matches(
				"\\s+OrderValidated\\s+dev\\.appdomain\\.internal\\.orders\\s+tenantId\\s+-"));
	}

	@Test
	void warnsOnceListingEventTypesWithoutKey() {
		EventCatalog catalog = this.factory.create(List.of(AuditLogged.class, TenantTagged.class,
				CashierCreated.class));
		EventCatalogReport report = new EventCatalogReport(catalog, List.of());
		assertThat(report.eventTypesWithoutKey()).containsExactly(AuditLogged.class);
		assertThat(report.noKeyWarning()).hasValueSatisfying((warning) -> assertThat(warning)
			.contains(AuditLogged.class.getName(), "keyed by the event id", "@PartitionKey")
			.doesNotContain(TenantTagged.class.getName()));
	}

	@Test
	void noWarningWhenEveryTypeHasAKey() {
		EventCatalog catalog = this.factory.create(List.of(CashierCreated.class));
		assertThat(new EventCatalogReport(catalog, List.of()).noKeyWarning()).isEmpty();
	}

	@Test
	void saysSoWhenNoEventTypesWereFound() {
		assertThat(new EventCatalogReport(new EventCatalog(List.of()), List.of()).render())
			.contains("found no integration event types", "momentum.kafka.scan-packages");
	}

}
