package io.momentum.kafka.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ConsumerGroupId}.
 */
class ConsumerGroupIdTests {

	@Test
	void momentumKeyWinsOverSpringKafkaKeyWhichWinsOverApplicationName() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "billing-api");
		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("billing-api");

		environment.setProperty("spring.kafka.consumer.group-id", "billing-consumers");
		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("billing-consumers");

		environment.setProperty("momentum.kafka.consumer.group-id", "billing");
		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("billing");
	}

	@Test
	void bindsRelaxedFormsSuchAsEnvironmentVariables() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "billing-api");
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("MOMENTUM_KAFKA_CONSUMER_GROUPID", "billing")));

		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("billing");
	}

	@Test
	void springKafkaConsumerPropertiesGroupIdCountsAsSpringKafkasAndWinsOverItsKeyAsInBootsConsumerFactory() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", "billing-api")
			.withProperty("spring.kafka.consumer.properties.group.id", "from-properties");
		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("from-properties");

		environment.setProperty("spring.kafka.consumer.group-id", "billing-consumers");
		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("from-properties");
	}

	@Test
	void blankValuesAreSkipped() {
		MockEnvironment environment = new MockEnvironment().withProperty("momentum.kafka.consumer.group-id", " ")
			.withProperty("spring.application.name", "billing-api");

		assertThat(ConsumerGroupId.resolve(environment)).isEqualTo("billing-api");
	}

	@Test
	void whenNoKeyIsSetThenRequireNamesTheKeys() {
		MockEnvironment environment = new MockEnvironment();

		assertThat(ConsumerGroupId.resolve(environment)).isNull();
		assertThatIllegalStateException().isThrownBy(() -> ConsumerGroupId.require(environment))
			.withMessage("No Kafka consumer group id: set momentum.kafka.consumer.group-id,"
					+ " spring.kafka.consumer.group-id or spring.application.name (Momentum's default, the service"
					+ " name)");
	}

}
