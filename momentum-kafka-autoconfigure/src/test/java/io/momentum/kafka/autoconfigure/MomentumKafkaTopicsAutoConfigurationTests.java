package io.momentum.kafka.autoconfigure;

import java.util.List;

import io.momentum.kafka.testevents.invalid.collision.OrderLinesAdded;
import io.momentum.kafka.testevents.invalid.collision.OrderLinesRemoved;
import io.momentum.kafka.testevents.invalid.illegal.BadCharacters;
import io.momentum.kafka.testevents.invalid.keytype.OpaqueKey;
import io.momentum.kafka.testevents.invalid.notopic.Nameless;
import io.momentum.kafka.testevents.invalid.subject.UnknownPlaceholder;
import io.momentum.kafka.testevents.invalid.toolong.TooLong;
import io.momentum.kafka.testevents.nokey.AuditLogged;
import io.momentum.kafka.testevents.seed.CashierCreated;
import io.momentum.kafka.testevents.seed.EmailSent;
import io.momentum.kafka.testevents.seed.InvoiceUpdated;
import io.momentum.kafka.testevents.seed.OrderValidated;
import io.momentum.kafka.testevents.seed.PaymentProcessed;
import io.momentum.kafka.testevents.seed.UserCreated;
import io.momentum.kafka.topic.EnvironmentName;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventCatalogException;
import io.momentum.kafka.topic.EventCatalogReport;
import io.momentum.kafka.topic.EventTopicsInitializer;
import io.momentum.kafka.topic.TopicNameResolver;
import io.momentum.kafka.topic.TopicProvisioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class MomentumKafkaTopicsAutoConfigurationTests {

	private static final String TEST_EVENTS = "io.momentum.kafka.testevents.";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaTopicsAutoConfiguration.class))
		// spring.kafka.bootstrap-servers goes when the ConnectionStrings.Messaging binding lands.
		.withPropertyValues("ConnectionStrings.Messaging=localhost:9092", "spring.kafka.bootstrap-servers=localhost:9092",
				"spring.application.name=appdomain-api", "momentum.kafka.topics.provision=false");

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaTopicsAutoConfiguration.class))
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventCatalog.class)
				.doesNotHaveBean(EventTopicsInitializer.class));
	}

	@Test
	void whenSpringKafkaIsAbsentThenBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EventCatalog.class));
	}

	@Test
	void whenSeedEventsAreScannedThenCatalogHasTheSeedTopics() {
		this.runner.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed").run((context) -> {
			EventCatalog catalog = context.getBean(EventCatalog.class);
			assertThat(catalog.require(CashierCreated.class).topic()).isEqualTo("dev.appdomain.public.cashiers");
			assertThat(catalog.require(InvoiceUpdated.class).topic()).isEqualTo("dev.billing.public.invoice-events.v2");
			assertThat(catalog.require(UserCreated.class).topic()).isEqualTo("dev.appdomain.public.users");
			assertThat(catalog.require(OrderValidated.class).topic()).isEqualTo("dev.appdomain.internal.orders");
			assertThat(catalog.require(PaymentProcessed.class).topic()).isEqualTo("dev.appdomain.public.payments.v2");
			assertThat(catalog.require(EmailSent.class).topic()).isEqualTo("dev.communications.public.notifications");
			assertThat(catalog.events()).hasSize(6);
		});
	}

	@Test
	void whenApplicationPackageIsRegisteredThenItIsScannedWithScanPackages() {
		this.runner
			.withInitializer((context) -> AutoConfigurationPackages.register((BeanDefinitionRegistry) context,
					TEST_EVENTS + "billing"))
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "nokey")
			.run((context) -> assertThat(context.getBean(EventCatalog.class).topics()).containsExactlyInAnyOrder(
					"dev.billing.public.invoices", "dev.archive.public.invoices", "dev.billing.public.ledger-entries",
					"dev.ledger.public.accounts", "dev.appdomain.public.audit", "dev.appdomain.public.tags"));
	}

	@Test
	void whenProfileIsActiveThenItNamesTheEnvironment() {
		this.runner.withInitializer((context) -> context.getEnvironment().setActiveProfiles("Production", "kafka"))
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed")
			.run((context) -> assertThat(context.getBean(EventCatalog.class).require(CashierCreated.class).topic())
				.isEqualTo("prod.appdomain.public.cashiers"));
	}

	@Test
	void whenEnvironmentIsConfiguredThenItWinsOverProfileAndAliasesApply() {
		this.runner.withInitializer((context) -> context.getEnvironment().setActiveProfiles("Production"))
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed",
					"momentum.kafka.environment=Staging", "momentum.kafka.environment-aliases.staging=stg")
			.run((context) -> {
				assertThat(context.getBean(TopicNameResolver.class).getEnvironment()).isEqualTo(new EnvironmentName("stg"));
				assertThat(context.getBean(EventCatalog.class).require(CashierCreated.class).topic())
					.isEqualTo("stg.appdomain.public.cashiers");
			});
	}

	@Test
	void whenDefaultDomainIsConfiguredThenItWinsOverApplicationName() {
		this.runner
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed",
					"momentum.kafka.default-domain=Cashiering")
			.run((context) -> assertThat(context.getBean(EventCatalog.class).require(CashierCreated.class).topic())
				.isEqualTo("dev.cashiering.public.cashiers"));
	}

	@Test
	void whenPartitionsAreConfiguredThenTheyApplyWhereTheAnnotationSetsNone() {
		this.runner
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed",
					"momentum.kafka.topics.partitions=4", "momentum.kafka.topics.replication-factor=1")
			.run((context) -> {
				EventCatalog catalog = context.getBean(EventCatalog.class);
				assertThat(catalog.require(UserCreated.class).partitions()).isEqualTo(4);
				assertThat(catalog.require(UserCreated.class).replicationFactor()).isEqualTo((short) 1);
				assertThat(catalog.require(CashierCreated.class).partitions()).isEqualTo(3);
			});
	}

	@Test
	void whenUserDefinesCatalogThenAutoConfiguredBeansBackOff() {
		this.runner.withUserConfiguration(UserCatalogConfiguration.class)
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "invalid.illegal")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(EventCatalog.class)
				.isSameAs(context.getBean(UserCatalogConfiguration.class).catalog));
	}

	@Test
	void whenUserDefinesTopicNameResolverThenItIsUsed() {
		this.runner.withUserConfiguration(UserResolverConfiguration.class)
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed")
			.run((context) -> assertThat(context.getBean(EventCatalog.class).require(CashierCreated.class).topic())
				.isEqualTo("qa.cashiering.public.cashiers"));
	}

	@Test
	void whenProvisioningIsOffThenNoProvisionerAndNothingIsCreated(CapturedOutput output) {
		this.runner.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TopicProvisioner.class);
			assertThat(output).contains("Topic provisioning is off (momentum.kafka.topics.provision=false)");
		});
	}

	@Test
	void whenProvisioningIsOnThenProvisionerIsConfigured() {
		// No event types: provisioning has nothing to do and needs no broker.
		this.runner.withPropertyValues("momentum.kafka.topics.provision=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TopicProvisioner.class));
	}

	@Test
	void whenStartingThenReportListsEventsTopicsKeysAndContributedColumns(CapturedOutput output) {
		this.runner.withUserConfiguration(HandlerColumnConfiguration.class)
			.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "seed")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Momentum Kafka integration events (6 types on 6 topics");
				assertThat(output.getOut().lines()).anySatisfy((line) -> assertThat(line)
					.matches("\\s+CashierCreated\\s+dev\\.appdomain\\.public\\.cashiers\\s+tenantId\\s+CashierHandler"));
			});
	}

	@Test
	void whenEventTypesHaveNoKeyThenOneWarningListsThem(CapturedOutput output) {
		this.runner.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + "nokey," + TEST_EVENTS + "seed")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output.getOut().lines().filter((line) -> line.contains("without a partition key"))).singleElement()
					.satisfies((line) -> assertThat(line).contains("WARN", "[" + AuditLogged.class.getName() + "]"));
			});
	}

	@Test
	void whenTopicHasIllegalCharactersThenStartupFailsNamingClassAndRule() {
		assertStartupFailure("invalid.illegal", BadCharacters.class.getName()
				+ ": topic name 'dev.appdomain.public.order events/all' contains ' ': Kafka topic names may only contain "
				+ "[a-zA-Z0-9._-]");
	}

	@Test
	void whenTopicIsTooLongThenStartupFailsNamingClassAndRule() {
		assertStartupFailure("invalid.toolong", TooLong.class.getName() + ": topic name 'dev.appdomain.public.aaa",
				"has 261 characters: Kafka allows 249");
	}

	@Test
	void whenTopicsCollideThenStartupFailsNamingBothClasses() {
		assertStartupFailure("invalid.collision", OrderLinesRemoved.class.getName(), OrderLinesAdded.class.getName(),
				"Kafka treats '.' and '_' alike");
	}

	@Test
	void whenNoDomainCanBeResolvedThenStartupFailsNamingTheFourOptions() {
		this.runner.withPropertyValues("spring.application.name=", "momentum.kafka.scan-packages=" + TEST_EVENTS + "seed")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(EventCatalogException.class)
				.hasMessageContaining(CashierCreated.class.getName() + ": no domain for its topic name")
				.hasMessageContaining("@EventTopic(domain = \"...\")")
				.hasMessageContaining("@DefaultDomain(\"...\")")
				.hasMessageContaining("momentum.kafka.default-domain")
				.hasMessageContaining("spring.application.name")
				.hasMessageNotContaining(EmailSent.class.getName()));
	}

	@Test
	void whenEventTopicNamesNeitherEntityNorTopicThenStartupFails() {
		assertStartupFailure("invalid.notopic",
				Nameless.class.getName() + ": @EventTopic names neither an entity class nor a topic");
	}

	@Test
	void whenSubjectPlaceholderIsUnknownThenStartupFailsNamingClassAndPlaceholder() {
		assertStartupFailure("invalid.subject", UnknownPlaceholder.class.getName()
				+ ": @EventTopic(subject = \"tenant/{tenant}\") on " + UnknownPlaceholder.class.getName()
				+ " names the unknown placeholder '{tenant}'");
	}

	@Test
	void whenPartitionKeyTypeHasNoStableTextThenStartupFails() {
		assertStartupFailure("invalid.keytype",
				OpaqueKey.class.getName() + ": @PartitionKey component 'region' of " + OpaqueKey.class.getName());
	}

	@Test
	void whenConfiguredPartitionsAreInvalidThenStartupFailsNamingTheKey() {
		this.runner.withPropertyValues("momentum.kafka.topics.partitions=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("momentum.kafka.topics.partitions must be at least 1 but is 0"));
	}

	private void assertStartupFailure(String fixturePackage, String... messageParts) {
		this.runner.withPropertyValues("momentum.kafka.scan-packages=" + TEST_EVENTS + fixturePackage)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(EventCatalogException.class)
					.hasMessageContainingAll(messageParts);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCatalogConfiguration {

		final EventCatalog catalog = new EventCatalog(List.of());

		@Bean
		EventCatalog userCatalog() {
			return this.catalog;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserResolverConfiguration {

		@Bean
		TopicNameResolver userResolver() {
			return new TopicNameResolver(new EnvironmentName("qa"), "cashiering", null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerColumnConfiguration {

		@Bean
		EventCatalogReport.Column handlerColumn() {
			return EventCatalogReport.Column.of("handler",
					(event) -> (event.eventType() == CashierCreated.class) ? "CashierHandler" : null);
		}

	}

}
