package io.momentum.kafka.topic;

import java.util.Map;
import java.util.stream.Stream;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.testevents.billing.InvoicePaid;
import io.momentum.kafka.testevents.billing.InvoiceVoided;
import io.momentum.kafka.testevents.billing.ledger.LedgerEntryPosted;
import io.momentum.kafka.testevents.billing.ledger.override.AccountClosed;
import io.momentum.kafka.testevents.invalid.illegal.BadCharacters;
import io.momentum.kafka.testevents.invalid.notopic.Nameless;
import io.momentum.kafka.testevents.invalid.toolong.TooLong;
import io.momentum.kafka.testevents.payments.events.RefundIssued;
import io.momentum.kafka.testevents.seed.CashierCreated;
import io.momentum.kafka.testevents.seed.EmailSent;
import io.momentum.kafka.testevents.seed.InvoiceUpdated;
import io.momentum.kafka.testevents.seed.OrderValidated;
import io.momentum.kafka.testevents.seed.PaymentProcessed;
import io.momentum.kafka.testevents.seed.UserCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class TopicNameResolverTests {

	private final TopicNameResolver resolver = new TopicNameResolver(EnvironmentName.of("Development", Map.of()),
			null, "appdomain-api");

	static Stream<Arguments> seedGoldenVectors() {
		return Stream.of(Arguments.of(CashierCreated.class, "dev.appdomain.public.cashiers"),
				Arguments.of(InvoiceUpdated.class, "dev.billing.public.invoice-events.v2"),
				Arguments.of(UserCreated.class, "dev.appdomain.public.users"),
				Arguments.of(OrderValidated.class, "dev.appdomain.internal.orders"),
				Arguments.of(PaymentProcessed.class, "dev.appdomain.public.payments.v2"),
				Arguments.of(EmailSent.class, "dev.communications.public.notifications"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("seedGoldenVectors")
	void seedGoldenVector(Class<?> eventType, String topic) {
		assertThat(this.resolver.resolve(eventType).requireTopic().value()).isEqualTo(topic);
	}

	@Test
	void domainFromOwnPackage() {
		assertThat(topicOf(this.resolver, InvoicePaid.class)).isEqualTo("dev.billing.public.invoices");
	}

	@Test
	void annotationDomainWinsOverPackageAndIsLowerCased() {
		assertThat(topicOf(this.resolver, InvoiceVoided.class)).isEqualTo("dev.archive.public.invoices");
	}

	@Test
	void domainFromParentPackage() {
		assertThat(topicOf(this.resolver, LedgerEntryPosted.class)).isEqualTo("dev.billing.public.ledger-entries");
	}

	@Test
	void nearestPackageDomainWins() {
		assertThat(topicOf(this.resolver, AccountClosed.class)).isEqualTo("dev.ledger.public.accounts");
	}

	@Test
	void domainFromParentPackageThatHasOnlyPackageInfo() {
		assertThat(topicOf(this.resolver, RefundIssued.class)).isEqualTo("dev.payments.public.refunds");
	}

	@Test
	void packageDomainWinsOverConfiguredDefaultDomain() {
		TopicNameResolver resolver = new TopicNameResolver(new EnvironmentName("dev"), "sales", "appdomain-api");
		assertThat(topicOf(resolver, InvoicePaid.class)).isEqualTo("dev.billing.public.invoices");
	}

	@Test
	void configuredDefaultDomainWinsOverApplicationName() {
		TopicNameResolver resolver = new TopicNameResolver(new EnvironmentName("dev"), "Sales", "appdomain-api");
		assertThat(topicOf(resolver, CashierCreated.class)).isEqualTo("dev.sales.public.cashiers");
	}

	@Test
	void applicationNameIsSplitOnHyphenDotAndUnderscore() {
		assertThat(TopicNameResolver.applicationDomain("appdomain-api")).isEqualTo("appdomain");
		assertThat(TopicNameResolver.applicationDomain("Billing.Service")).isEqualTo("billing");
		assertThat(TopicNameResolver.applicationDomain("orders_api")).isEqualTo("orders");
		assertThat(TopicNameResolver.applicationDomain("inventory")).isEqualTo("inventory");
		assertThat(TopicNameResolver.applicationDomain(" ")).isNull();
		assertThat(TopicNameResolver.applicationDomain(null)).isNull();
	}

	@Test
	void noDomainIsAProblemNamingTheFourOptions() {
		TopicNameResolver resolver = new TopicNameResolver(new EnvironmentName("dev"), null, null);
		TopicResolution resolution = resolver.resolve(CashierCreated.class);
		assertThat(resolution.isResolved()).isFalse();
		assertThat(resolution.problem()).contains("no domain", "@EventTopic(domain", "@DefaultDomain",
				"momentum.kafka.default-domain", "spring.application.name");
	}

	@Test
	void annotationDomainNeedsNoFallback() {
		TopicNameResolver resolver = new TopicNameResolver(new EnvironmentName("dev"), null, null);
		assertThat(topicOf(resolver, EmailSent.class)).isEqualTo("dev.communications.public.notifications");
	}

	@Test
	void environmentSegmentComesFirst() {
		TopicNameResolver resolver = new TopicNameResolver(EnvironmentName.of("Production", Map.of()), null,
				"appdomain-api");
		assertThat(topicOf(resolver, CashierCreated.class)).isEqualTo("prod.appdomain.public.cashiers");
	}

	@Test
	void explicitTopicIsNeverPluralizedButLowerCased() {
		assertThat(topicOf(this.resolver, ExplicitTopic.class)).isEqualTo("dev.appdomain.public.ledger-box");
	}

	@Test
	void pluralizeFalseKeepsKebabCaseSingular() {
		assertThat(topicOf(this.resolver, SingularTopic.class)).isEqualTo("dev.appdomain.public.invoice-line");
	}

	@Test
	void entityNameIsKebabCasedThenLastWordPluralized() {
		assertThat(topicOf(this.resolver, LineAdded.class)).isEqualTo("dev.appdomain.public.invoice-lines");
	}

	@Test
	void blankVersionIsNotAppended() {
		assertThat(topicOf(this.resolver, BlankVersion.class)).isEqualTo("dev.appdomain.public.invoice-lines");
	}

	@Test
	void neitherEntityNorTopicIsAProblem() {
		assertThat(this.resolver.resolve(Nameless.class).problem())
			.contains("@EventTopic names neither an entity class nor a topic");
	}

	@Test
	void illegalCharactersAreAProblem() {
		assertThat(this.resolver.resolve(BadCharacters.class).problem()).contains("contains ' '",
				"[a-zA-Z0-9._-]");
	}

	@Test
	void tooLongNameIsAProblem() {
		assertThat(this.resolver.resolve(TooLong.class).problem()).contains("261 characters", "Kafka allows 249");
	}

	@Test
	void typeWithoutAnnotationIsAProblem() {
		assertThat(this.resolver.resolve(String.class).problem()).contains("not annotated with @EventTopic");
	}

	private static String topicOf(TopicNameResolver resolver, Class<?> eventType) {
		return resolver.resolve(eventType).requireTopic().value();
	}

	record InvoiceLine(String id) {
	}

	@EventTopic(topic = "Ledger-Box")
	record ExplicitTopic(String id) {
	}

	@EventTopic(value = InvoiceLine.class, pluralize = false)
	record SingularTopic(String id) {
	}

	@EventTopic(InvoiceLine.class)
	record LineAdded(String id) {
	}

	@EventTopic(value = InvoiceLine.class, version = "  ")
	record BlankVersion(String id) {
	}

}
