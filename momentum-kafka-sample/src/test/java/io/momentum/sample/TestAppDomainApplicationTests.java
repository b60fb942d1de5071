package io.momentum.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The development main, {@code mvn -pl momentum-kafka-sample -am spring-boot:test-run}, in this
 * JVM: the sample starts on an embedded broker of its own. (Its stop on Ctrl-C is a JVM shutdown,
 * which {@code .ci/sample-smoke.sh} checks.)
 */
class TestAppDomainApplicationTests {

	@Test
	void runsOnAnEmbeddedBrokerWithItsTopicsProvisioned() throws Exception {
		SpringApplication.Running running = TestAppDomainApplication.run("--server.port=0");
		ConfigurableApplicationContext context = running.getApplicationContext();
		DevelopmentKafkaBroker broker = context.getBean(DevelopmentKafkaBroker.class);
		try {
			assertThat(context.getEnvironment().getProperty("ConnectionStrings.Messaging"))
				.isEqualTo(broker.bootstrapServers());
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				Set<String> topics = admin.listTopics().names().get();
				assertThat(topics).contains("dev.appdomain.public.cashiers", "dev.appdomain.public.cashiers.dead-letter",
						"dev.billing.public.invoice-events.v2", "dev.appdomain.public.orders",
						"dev.appdomain.internal.orders");
			}
		}
		finally {
			context.close();
			broker.close();
		}

		assertThat(broker.isClosed()).isTrue();
		assertThat(System.getProperty("ConnectionStrings.Messaging")).isNull();
		URI address = URI.create("kafka://" + broker.bootstrapServers());
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address.getHost(), address.getPort()),
						(int) Duration.ofSeconds(2).toMillis());
			}
		});
	}

}
