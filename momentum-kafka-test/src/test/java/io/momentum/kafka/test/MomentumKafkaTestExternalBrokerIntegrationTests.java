package io.momentum.kafka.test;

import java.util.concurrent.TimeUnit;

import io.momentum.kafka.test.broker.ExternalBrokerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external broker named by {@value TestKafkaBrokers#BOOTSTRAP_SERVERS_PROPERTY} (the system-property form of
 * {@value TestKafkaBrokers#BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE}, so the process environment stays untouched) is
 * used instead of any broker the library would start.
 */
// Declared before @SpringBootTest: its beforeAll names the broker before Spring prepares the test context, and its
// afterAll runs after Spring closed the context.
@ExtendWith(ExternalBrokerProcess.class)
@SpringBootTest
@MomentumKafkaTest
@DirtiesContext
class MomentumKafkaTestExternalBrokerIntegrationTests {

	@Autowired
	private TestKafkaBroker broker;

	@Value("${ConnectionStrings.Messaging}")
	private String connectionString;

	@Test
	void externalBrokerIsTheOneInTheConnectionString() throws Exception {
		assertThat(this.broker.kind()).isEqualTo(TestKafkaBroker.Kind.EXTERNAL);
		assertThat(this.broker.description())
			.isEqualTo("external broker from system property momentum.kafka.test.bootstrap-servers");
		assertThat(this.connectionString).isEqualTo(ExternalBrokerProcess.process().bootstrapServers());
		try (Admin admin = Admin.create(this.broker.clientProperties())) {
			assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
				.isEqualTo(ExternalBrokerProcess.process().clusterId());
		}
		assertThat(System.getProperty(SharedBrokers.IN_JVM_BOOTSTRAP_SERVERS_PROPERTY))
			.as("the in-JVM broker, if another test started it").isNotEqualTo(this.connectionString);
	}

	@SpringBootConfiguration
	static class TestApplication {

	}

}
