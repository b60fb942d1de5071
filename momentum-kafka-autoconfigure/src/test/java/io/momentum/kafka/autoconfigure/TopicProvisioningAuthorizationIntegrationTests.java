package io.momentum.kafka.autoconfigure;

import java.util.List;
import java.util.Map;

import io.momentum.kafka.testevents.seed.CashierCreated;
import io.momentum.kafka.testevents.seed.PaymentProcessed;
import io.momentum.kafka.topic.EnvironmentName;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventCatalogFactory;
import io.momentum.kafka.topic.TopicNameResolver;
import io.momentum.kafka.topic.TopicProvisioningException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provisioning against a broker that enforces ACLs: the application's principal may describe,
 * read and write topics under {@code lckd.} but not create any. Existing topics are used as
 * they are; a missing one stops startup with a message that says what to grant.
 */
@ExtendWith(OutputCaptureExtension.class)
class TopicProvisioningAuthorizationIntegrationTests {

	private static final String BROKER_LIST_PROPERTY = "momentum.test.topics.acl.brokers";

	private static final String PRINCIPAL = "User:ANONYMOUS";

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() throws Exception {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerListProperty(BROKER_LIST_PROPERTY);
		broker.brokerProperties(Map.of("authorizer.class.name",
				"org.apache.kafka.metadata.authorizer.StandardAuthorizer", "allow.everyone.if.no.acl.found", "true"));
		broker.afterPropertiesSet();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
			// Created while creating is still allowed: the seed's topics except the users topics.
			List<NewTopic> existing = List.of("cashiers", "payments.v2").stream()
				.flatMap((topic) -> List.of("lckd.appdomain.public." + topic,
						"lckd.appdomain.public." + topic + ".dead-letter").stream())
				.map((name) -> new NewTopic(name, 1, (short) 1))
				.toList();
			admin.createTopics(existing).all().get();
			ResourcePattern cluster = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
			ResourcePattern topics = new ResourcePattern(ResourceType.TOPIC, "lckd.", PatternType.PREFIXED);
			admin.createAcls(List.of(acl(cluster, AclOperation.ALL, AclPermissionType.ALLOW),
					acl(cluster, AclOperation.CREATE, AclPermissionType.DENY),
					acl(topics, AclOperation.ALL, AclPermissionType.ALLOW),
					acl(topics, AclOperation.CREATE, AclPermissionType.DENY))).all().get();
		}
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
		System.clearProperty(BROKER_LIST_PROPERTY);
	}

	private static AclBinding acl(ResourcePattern pattern, AclOperation operation, AclPermissionType permission) {
		return new AclBinding(pattern, new AccessControlEntry(PRINCIPAL, "*", operation, permission));
	}

	private static ApplicationContextRunner application() {
		String bootstrapServers = broker.getBrokersAsString();
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(KafkaAutoConfiguration.class, MomentumKafkaTopicsAutoConfiguration.class))
			// spring.kafka.bootstrap-servers goes when the ConnectionStrings.Messaging binding lands.
			.withPropertyValues("ConnectionStrings.Messaging=" + bootstrapServers,
					"spring.kafka.bootstrap-servers=" + bootstrapServers, "spring.application.name=appdomain-api",
					"momentum.kafka.environment=lckd", "momentum.kafka.topics.provision-timeout=20s");
	}

	@Test
	void existingTopicsNeedNoCreatePermission(CapturedOutput output) {
		application().withBean(EventCatalog.class, () -> new EventCatalogFactory(
				new TopicNameResolver(new EnvironmentName("lckd"), null, "appdomain-api"), null, null)
			.create(List.of(CashierCreated.class, PaymentProcessed.class)))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("lckd.appdomain.public.cashiers").doesNotContain("Created Kafka topics");
	}

	@Test
	void missingTopicWithoutCreatePermissionFailsStartup() {
		application().withPropertyValues("momentum.kafka.scan-packages=io.momentum.kafka.testevents.seed")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(TopicProvisioningException.class)
					.hasMessageContaining("Not authorized to create Kafka topics that do not exist")
					.hasMessageContaining("'lckd.appdomain.public.users' (for [UserCreated])")
					.hasMessageContaining("'lckd.appdomain.public.users.dead-letter' (for [UserCreated])")
					.hasMessageContaining("Grant CREATE on these topics or on the cluster to this principal")
					.hasMessageNotContaining("'lckd.appdomain.public.cashiers'")
					.hasMessageNotContaining("'lckd.appdomain.public.payments.v2'");
			});
	}

}
