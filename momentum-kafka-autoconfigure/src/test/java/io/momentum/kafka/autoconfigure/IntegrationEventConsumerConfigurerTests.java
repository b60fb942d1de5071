package io.momentum.kafka.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.momentum.kafka.consuming.IntegrationEventConsumerCustomizer;
import io.momentum.kafka.consuming.TraceContextRestoringDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IntegrationEventConsumerConfigurerTests {

	private final MomentumKafkaProperties.Consumer properties = new MomentumKafkaProperties().getConsumer();

	@Test
	void appliesTheSeedsDefaults() {
		Map<String, Object> consumer = configurer("appdomain-api").consumerProperties(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092", ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class));
		assertThat(consumer).containsEntry(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
			.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "appdomain-api")
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)
			.containsEntry(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
			.containsEntry(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)
			.doesNotContainKeys(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ConsumerConfig.FETCH_MIN_BYTES_CONFIG);
	}

	@Test
	void groupIdPrefersMomentumThenSpringKafkaThenApplicationName() {
		Map<String, Object> springGroup = Map.of(ConsumerConfig.GROUP_ID_CONFIG, "spring-group");
		assertThat(configurer("app").consumerProperties(springGroup)).containsEntry(ConsumerConfig.GROUP_ID_CONFIG,
				"spring-group");
		this.properties.setGroupId("momentum-group");
		assertThat(configurer("app").consumerProperties(springGroup)).containsEntry(ConsumerConfig.GROUP_ID_CONFIG,
				"momentum-group");
	}

	@Test
	void blankGroupIdsAreSkippedAndTheChosenOneIsTrimmed() {
		this.properties.setGroupId(" ");
		assertThat(configurer(" billing-api ").consumerProperties(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "")))
			.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "billing-api");
	}

	@Test
	void withoutAnyGroupIdFailsNamingTheKeys() {
		assertThatIllegalStateException().isThrownBy(() -> configurer(null).consumerProperties(Map.of()))
			.withMessageContaining("spring.application.name")
			.withMessageContaining("momentum.kafka.consumer.group-id")
			.withMessageContaining("spring.kafka.consumer.group-id");
	}

	@Test
	void springKafkaAutoOffsetResetWins() {
		this.properties.setAutoOffsetReset("earliest");
		assertThat(configurer("app").consumerProperties(Map.of())).containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest");
		assertThat(configurer("app").consumerProperties(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest")))
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
	}

	@Test
	void invalidAutoOffsetResetFailsNamingTheKey() {
		this.properties.setAutoOffsetReset("oldest");
		assertThatIllegalStateException().isThrownBy(() -> configurer("app").consumerProperties(Map.of()))
			.withMessageContaining("momentum.kafka.consumer.auto-offset-reset=oldest")
			.withMessageContaining("earliest");
	}

	@Test
	void userCanChooseToAllowTopicAutoCreation() {
		assertThat(configurer("app").consumerProperties(Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true")))
			.containsEntry(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
	}

	@Test
	void momentumTuningKeysWinOverSpringKafka() {
		this.properties.setSessionTimeout(Duration.ofSeconds(30));
		this.properties.setHeartbeatInterval(Duration.ofSeconds(3));
		this.properties.setFetchMinBytes(1024);
		this.properties.setFetchMaxWait(Duration.ofMillis(500));
		this.properties.setMaxPollInterval(Duration.ofMinutes(5));
		Map<String, Object> consumer = configurer("app")
			.consumerProperties(Map.of(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000));
		assertThat(consumer).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30000)
			.containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3000)
			.containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024)
			.containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500)
			.containsEntry(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300000);
	}

	@Test
	void customizersRunLastButCannotEnableAutoCommit() {
		IntegrationEventConsumerCustomizer seedExample = (consumer) -> {
			consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "custom-group-name");
			consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			consumer.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30000);
			consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true);
		};
		this.properties.setSessionTimeout(Duration.ofSeconds(10));
		Map<String, Object> consumer = new IntegrationEventConsumerConfigurer(this.properties, "app", List.of(seedExample))
			.consumerProperties(Map.of());
		assertThat(consumer).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "custom-group-name")
			.containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")
			.containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 30000)
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
	}

	@Test
	void customizerMaySupplyTheGroupId() {
		IntegrationEventConsumerCustomizer group = (consumer) -> consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "g");
		assertThat(new IntegrationEventConsumerConfigurer(this.properties, null, List.of(group))
			.consumerProperties(Map.of())).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "g");
	}

	@Test
	void springKafkaAutoCommitIsTurnedOff() {
		assertThat(configurer("app").consumerProperties(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, true)))
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
	}

	@Test
	void traceContextIsRestoredFromTheExtensionOnlyWhenAsked() {
		assertThat(valueDeserializer(true)).isInstanceOf(TraceContextRestoringDeserializer.class);
		assertThat(valueDeserializer(false)).isNotInstanceOf(TraceContextRestoringDeserializer.class)
			.isInstanceOf(ByteArrayDeserializer.class);
	}

	private Deserializer<?> valueDeserializer(boolean restoreTraceContext) {
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		new IntegrationEventConsumerConfigurer(this.properties, "app", List.of(), restoreTraceContext).configure(factory,
				new DefaultKafkaConsumerFactory<>(Map.of()), null, null, new StaticApplicationContext());
		Deserializer<?> deserializer = factory.getConsumerFactory().getValueDeserializer();
		assertThat(deserializer).isNotNull();
		return deserializer;
	}

	private IntegrationEventConsumerConfigurer configurer(String applicationName) {
		return new IntegrationEventConsumerConfigurer(this.properties, applicationName, List.of());
	}

}
