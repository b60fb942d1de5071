package io.momentum.kafka.publishing;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DerivedProducerFactory}'s reading of integer settings.
 */
class DerivedProducerFactoryTests {

	@Test
	void intConfigReadsNumbersAndTheirTextAndFallsBackOtherwise() {
		Map<String, Object> configs = new HashMap<>();
		configs.put("a", 5);
		configs.put("b", " 1048576 ");
		configs.put("c", "five");
		configs.put("d", 7L);

		assertThat(DerivedProducerFactory.intConfig(configs, "a", 0)).isEqualTo(5);
		assertThat(DerivedProducerFactory.intConfig(configs, "b", 0)).isEqualTo(1_048_576);
		assertThat(DerivedProducerFactory.intConfig(configs, "c", 3)).isEqualTo(3);
		assertThat(DerivedProducerFactory.intConfig(configs, "d", 0)).isEqualTo(7);
		assertThat(DerivedProducerFactory.intConfig(configs, "absent", 9)).isEqualTo(9);
	}

}
