package io.momentum.kafka.topic;

import java.util.List;
import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;
import io.momentum.kafka.testevents.invalid.abstracttype.AbstractEvent;
import io.momentum.kafka.testevents.invalid.collision.OrderLinesAdded;
import io.momentum.kafka.testevents.invalid.collision.OrderLinesRemoved;
import io.momentum.kafka.testevents.invalid.illegal.BadCharacters;
import io.momentum.kafka.testevents.invalid.keytype.OpaqueKey;
import io.momentum.kafka.testevents.invalid.notopic.Nameless;
import io.momentum.kafka.testevents.invalid.subject.UnknownPlaceholder;
import io.momentum.kafka.testevents.seed.CashierCreated;
import io.momentum.kafka.testevents.seed.EmailSent;
import io.momentum.kafka.testevents.seed.UserCreated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventCatalogFactoryTests {

	private final TopicNameResolver resolver = new TopicNameResolver(new EnvironmentName("dev"), null,
			"appdomain-api");

	private final EventCatalogFactory factory = new EventCatalogFactory(this.resolver, null, null);

	@Test
	void describesEachEventType() {
		EventCatalog catalog = this.factory.create(List.of(CashierCreated.class, UserCreated.class));
		EventDescriptor cashier = catalog.require(CashierCreated.class);
		assertThat(cashier.topic()).isEqualTo("dev.appdomain.public.cashiers");
		assertThat(cashier.deadLetterTopic()).isEqualTo("dev.appdomain.public.cashiers.dead-letter");
		assertThat(cashier.cloudEventType()).isEqualTo("CashierCreated");
		assertThat(cashier.partitionKey().components()).containsExactly("tenantId");
		assertThat(cashier.partitions()).isEqualTo(3);
		assertThat(cashier.replicationFactor()).isNull();
		UUID tenant = UUID.randomUUID();
		assertThat(cashier.subject().render(new CashierCreated(tenant, null))).isEqualTo("tenant/" + tenant);
		assertThat(catalog.require(UserCreated.class).subject()).isNull();
		assertThat(catalog.topics()).containsExactly("dev.appdomain.public.cashiers", "dev.appdomain.public.users");
	}

	@Test
	void cloudEventTypeOverride() {
		EventCatalog catalog = this.factory.create(List.of(Renamed.class));
		assertThat(catalog.require(Renamed.class).cloudEventType()).isEqualTo("AppDomain.Contracts.Renamed");
	}

	@Test
	void configuredDefaultsApplyWhereTheAnnotationSetsNothing() {
		EventCatalog catalog = new EventCatalogFactory(this.resolver, 6, (short) 3)
			.create(List.of(CashierCreated.class, EmailSent.class));
		assertThat(catalog.require(CashierCreated.class).partitions()).isEqualTo(3);
		assertThat(catalog.require(EmailSent.class).partitions()).isEqualTo(6);
		assertThat(catalog.require(EmailSent.class).replicationFactor()).isEqualTo((short) 3);
	}

	@Test
	void eventTypesSharingATopicShareTheAnnotatedPartitions() {
		EventCatalog catalog = new EventCatalogFactory(this.resolver, 2, null)
			.create(List.of(SharedSix.class, SharedUnset.class));
		assertThat(catalog.eventsOn("dev.appdomain.public.shared")).hasSize(2);
		assertThat(catalog.require(SharedUnset.class).partitions()).isEqualTo(6);
	}

	@Test
	void conflictingPartitionsOnOneTopicFail() {
		assertThatExceptionOfType(EventCatalogException.class)
			.isThrownBy(() -> this.factory.create(List.of(SharedSix.class, SharedThree.class)))
			.withMessageContaining(SharedThree.class.getName() + ": @EventTopic(partitions = 3) differs from "
					+ "partitions = 6 on " + SharedSix.class.getName());
	}

	@Test
	void dotUnderscoreCollisionFailsNamingBothClasses() {
		assertThatExceptionOfType(EventCatalogException.class)
			.isThrownBy(() -> this.factory.create(List.of(OrderLinesAdded.class, OrderLinesRemoved.class)))
			.withMessageContaining(OrderLinesRemoved.class.getName() + ": its topic 'dev.appdomain.public.order_lines'"
					+ " collides with the topic 'dev.appdomain.public.order.lines' of " + OrderLinesAdded.class.getName())
			.withMessageContaining("'.' and '_' alike");
	}

	@Test
	void eventTopicThatIsAnotherDeadLetterTopicFails() {
		assertThatExceptionOfType(EventCatalogException.class)
			.isThrownBy(() -> this.factory.create(List.of(Audit.class, AuditDeadLetters.class)))
			.withMessageContaining("is also the dead-letter topic of " + Audit.class.getName());
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		assertThatExceptionOfType(EventCatalogException.class)
			.isThrownBy(() -> this.factory.create(List.of(BadCharacters.class, Nameless.class,
					UnknownPlaceholder.class, OpaqueKey.class, AbstractEvent.class, Inner.class, BadPartitions.class)))
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(7))
			.withMessageStartingWith("Invalid integration event types (7 problems):")
			.withMessageContaining(BadCharacters.class.getName() + ": topic name 'dev.appdomain.public.order events/all'"
					+ " contains ' '")
			.withMessageContaining(Nameless.class.getName() + ": @EventTopic names neither an entity class nor a topic")
			.withMessageContaining(UnknownPlaceholder.class.getName() + ": @EventTopic(subject = \"tenant/{tenant}\")")
			.withMessageContaining(OpaqueKey.class.getName() + ": @PartitionKey component 'region'")
			.withMessageContaining(AbstractEvent.class.getName() + ": @EventTopic is on an interface or abstract class")
			.withMessageContaining(Inner.class.getName() + ": @EventTopic is on an inner, local or anonymous class")
			.withMessageContaining(BadPartitions.class.getName() + ": @EventTopic(partitions = 0) must be at least 1");
	}

	@Test
	void invalidConfiguredDefaultsFail() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EventCatalogFactory(this.resolver, 0, null))
			.withMessageContaining("momentum.kafka.topics.partitions");
		assertThatIllegalArgumentException().isThrownBy(() -> new EventCatalogFactory(this.resolver, null, (short) 0))
			.withMessageContaining("momentum.kafka.topics.replication-factor");
	}

	@EventTopic(topic = "renamed", type = "AppDomain.Contracts.Renamed")
	record Renamed(@PartitionKey String id) {
	}

	@EventTopic(topic = "shared", partitions = 6)
	record SharedSix(@PartitionKey String id) {
	}

	@EventTopic(topic = "shared", partitions = 3)
	record SharedThree(@PartitionKey String id) {
	}

	@EventTopic(topic = "shared")
	record SharedUnset(@PartitionKey String id) {
	}

	@EventTopic(topic = "audit")
	record Audit(@PartitionKey String id) {
	}

	@EventTopic(topic = "audit.dead-letter")
	record AuditDeadLetters(@PartitionKey String id) {
	}

	@EventTopic(topic = "partitions", partitions = 0)
	record BadPartitions(@PartitionKey String id) {
	}

	@EventTopic(topic = "inner")
	class Inner {

	}

}
