package io.momentum.kafka.autoconfigure;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Tracer;
import io.momentum.kafka.cloudevents.CloudEventMode;
import io.momentum.kafka.cloudevents.CloudEventRecord;
import io.momentum.kafka.cloudevents.CloudEventRecordCustomizer;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.cloudevents.EventDataSerializer;
import io.momentum.kafka.cloudevents.JacksonEventDataSerializer;
import io.momentum.kafka.cloudevents.TracingCloudEventRecordCustomizer;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.KafkaIntegrationEventPublisher;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import io.momentum.kafka.topic.EventCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

class MomentumKafkaPublishingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, JacksonAutoConfiguration.class,
				MomentumKafkaPublishingAutoConfiguration.class))
		.withUserConfiguration(EventCatalogConfiguration.class)
		// spring.kafka.bootstrap-servers is set by hand until the connection auto-configuration,
		// which maps ConnectionStrings.Messaging onto it, is merged.
		.withPropertyValues("spring.application.name=appdomain-api", "spring.kafka.bootstrap-servers=localhost:9092");

	private final ApplicationContextRunner connectedRunner = this.contextRunner
		.withPropertyValues("ConnectionStrings.Messaging=localhost:9092");

	@Test
	void whenConnectionStringMissingThenBacksOff() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(IntegrationEventPublisher.class)
				.doesNotHaveBean(CloudEventRecordFactory.class)
				.doesNotHaveBean("momentumKafkaProducerDefaultsCustomizer");
			assertThat(context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
				.doesNotContainKeys("acks", "linger.ms", "compression.type");
		});
	}

	@Test
	void whenConnectionStringSetThenPublisherWritesBinaryCloudEventsFromTheApplicationName() {
		this.connectedRunner.run((context) -> {
			assertThat(context).hasSingleBean(KafkaIntegrationEventPublisher.class)
				.hasSingleBean(JacksonEventDataSerializer.class);
			CloudEventRecordFactory factory = context.getBean(CloudEventRecordFactory.class);
			assertThat(factory.getMode()).isEqualTo(CloudEventMode.BINARY);
			assertThat(factory.getSource()).isEqualTo(URI.create("appdomain-api"));
		});
	}

	@Test
	void whenConnectionStringSetThenBootsProducerFactoryGetsMomentumsProducerDefaults() {
		this.connectedRunner.run((context) -> assertThat(
				context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
			.containsEntry("acks", "all")
			.containsEntry("enable.idempotence", true)
			.containsEntry("linger.ms", 5)
			.containsEntry("batch.size", 16384)
			.containsEntry("compression.type", "snappy"));
	}

	@Test
	void whenProducerSettingsAreExplicitThenTheyWin() {
		this.connectedRunner
			.withPropertyValues("spring.kafka.producer.acks=1", "spring.kafka.producer.compression-type=gzip",
					"spring.kafka.producer.batch-size=32KB", "spring.kafka.producer.properties.linger.ms=20")
			.run((context) -> assertThat(
					context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
				.containsEntry("acks", "1")
				.containsEntry("compression.type", "gzip")
				.containsEntry("batch.size", 32768)
				.containsEntry("linger.ms", "20")
				.doesNotContainKey("enable.idempotence"));
	}

	@Test
	void whenCommonKafkaPropertiesSetThenTheyWinToo() {
		this.connectedRunner.withPropertyValues("spring.kafka.properties.compression.type=zstd")
			.run((context) -> assertThat(
					context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
				.containsEntry("compression.type", "zstd")
				.containsEntry("acks", "all"));
	}

	@Test
	void whenUserDefinesProducerDefaultsCustomizerThenOursBacksOff() {
		this.connectedRunner
			.withBean("momentumKafkaProducerDefaultsCustomizer", DefaultKafkaProducerFactoryCustomizer.class,
					() -> (factory) -> {
					})
			.run((context) -> assertThat(
					context.getBean(DefaultKafkaProducerFactory.class).getConfigurationProperties())
				.doesNotContainKeys("acks", "compression.type"));
	}

	@Test
	void whenModeIsStructuredThenRecordsAreStructured() {
		this.connectedRunner.withPropertyValues("momentum.kafka.cloudevents.mode=structured")
			.run((context) -> {
				CloudEventRecord record = create(context.getBean(CloudEventRecordFactory.class));
				assertThat(new String(record.record().headers().lastHeader("content-type").value(),
						StandardCharsets.UTF_8))
					.isEqualTo("application/cloudevents+json");
			});
	}

	@Test
	void whenSourceIsSetThenItWinsOverTheApplicationName() {
		this.connectedRunner.withPropertyValues("momentum.kafka.cloudevents.source=/billing/cashiers")
			.run((context) -> assertThat(context.getBean(CloudEventRecordFactory.class).getSource())
				.isEqualTo(URI.create("/billing/cashiers")));
	}

	@Test
	void whenNeitherSourceNorApplicationNameIsSetThenStartupFailsNamingBoth() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaPublishingAutoConfiguration.class))
			.withUserConfiguration(EventCatalogConfiguration.class)
			.withPropertyValues("ConnectionStrings.Messaging=localhost:9092")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("set momentum.kafka.cloudevents.source or spring.application.name"));
	}

	@Test
	void whenApplicationCustomizesJacksonThenEventDataFollows() {
		this.connectedRunner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
			.run((context) -> assertThat(
					new String(create(context.getBean(CloudEventRecordFactory.class)).record().value(),
							StandardCharsets.UTF_8))
				.contains("\"tenant_id\""));
	}

	@Test
	void whenJacksonAutoConfigurationIsAbsentThenADefaultMapperWritesCamelCase() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class,
					MomentumKafkaPublishingAutoConfiguration.class))
			.withUserConfiguration(EventCatalogConfiguration.class)
			.withPropertyValues("ConnectionStrings.Messaging=localhost:9092", "spring.application.name=appdomain-api")
			.run((context) -> assertThat(
					new String(create(context.getBean(CloudEventRecordFactory.class)).record().value(),
							StandardCharsets.UTF_8))
				.contains("\"tenantId\"")
				.contains("\"createdDate\":\"2024-01-15T10:30:00Z\""));
	}

	@Test
	void whenUserDefinesEventDataSerializerThenItIsUsed() {
		this.connectedRunner
			.withBean(EventDataSerializer.class, () -> (event) -> "{\"custom\":true}".getBytes(StandardCharsets.UTF_8))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(JacksonEventDataSerializer.class);
				assertThat(new String(create(context.getBean(CloudEventRecordFactory.class)).record().value(),
						StandardCharsets.UTF_8))
					.isEqualTo("{\"custom\":true}");
			});
	}

	@Test
	void whenUserDefinesRecordCustomizerThenEveryRecordGoesThroughIt() {
		this.connectedRunner
			.withBean(CloudEventRecordCustomizer.class,
					() -> (outgoing) -> outgoing.extension("tenantregion", "eu"))
			.run((context) -> assertThat(create(context.getBean(CloudEventRecordFactory.class)).record()
				.headers()
				.lastHeader("ce_tenantregion")).isNotNull());
	}

	@Test
	void whenUserDefinesPublisherThenOursBacksOff() {
		IntegrationEventPublisher own = mock(IntegrationEventPublisher.class);
		this.connectedRunner.withBean(IntegrationEventPublisher.class, () -> own)
			.run((context) -> assertThat(context.getBean(IntegrationEventPublisher.class)).isSameAs(own));
	}

	@Test
	void whenTracingIsOnTheClassPathThenTraceCustomizerIsRegistered() {
		this.connectedRunner
			.run((context) -> assertThat(context).hasSingleBean(TracingCloudEventRecordCustomizer.class));
	}

	@Test
	void whenTracingIsAbsentThenNoTraceCustomizer() {
		this.connectedRunner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TracingCloudEventRecordCustomizer.class);
			});
	}

	@Test
	void whenContextIsClosedThenPublishingFailsClearly() {
		this.connectedRunner.run((context) -> {
			IntegrationEventPublisher publisher = context.getBean(IntegrationEventPublisher.class);
			context.close();
			assertThatIllegalStateException().isThrownBy(() -> publisher.publish(cashierCreated()))
				.withMessageContaining("The IntegrationEventPublisher is closed");
		});
	}

	private static CloudEventRecord create(CloudEventRecordFactory factory) {
		return factory.create(TestEventCatalogs.cashierCreated("dev.appdomain.public.cashiers"), cashierCreated(),
				Map.of());
	}

	private static CashierCreated cashierCreated() {
		return new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "John Doe",
				"john.doe@example.com", Instant.parse("2024-01-15T10:30:00Z")));
	}

	/**
	 * The event catalog, registered by hand until {@code MomentumKafkaTopicsAutoConfiguration}
	 * (which builds it from the application's annotations) is merged.
	 */
	@Configuration(proxyBeanMethods = false)
	static class EventCatalogConfiguration {

		@Bean
		EventCatalog eventCatalog() {
			return TestEventCatalogs.catalog();
		}

	}

}
