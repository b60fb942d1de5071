package io.momentum.kafka.autoconfigure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConsumerGroupId}. Where the values come from (relaxed binding, Spring Boot's consumer
 * properties) is tested through {@link IntegrationEventConsumerConfigurer}.
 */
class ConsumerGroupIdTests {

	@Test
	void momentumKeyWinsOverSpringKafkaWhichWinsOverApplicationName() {
		assertThat(ConsumerGroupId.resolve(null, null, "billing-api")).isEqualTo("billing-api");
		assertThat(ConsumerGroupId.resolve(null, "billing-consumers", "billing-api")).isEqualTo("billing-consumers");
		assertThat(ConsumerGroupId.resolve("billing", "billing-consumers", "billing-api")).isEqualTo("billing");
	}

	@Test
	void blankValuesAreSkippedAndTheChosenOneIsTrimmed() {
		assertThat(ConsumerGroupId.resolve(" ", "", " billing-api ")).isEqualTo("billing-api");
	}

	@Test
	void whenNoValueHasTextThenThereIsNoGroupId() {
		assertThat(ConsumerGroupId.resolve(null, " ", null)).isNull();
	}

}
