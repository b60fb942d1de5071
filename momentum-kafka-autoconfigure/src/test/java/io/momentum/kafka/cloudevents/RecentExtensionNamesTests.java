package io.momentum.kafka.cloudevents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentExtensionNamesTests {

	private final RecentExtensionNames names = new RecentExtensionNames();

	@Test
	void givesTheSameInstanceForTheSameName() {
		String first = this.names.of(new String("ce_partitionkey"));
		assertThat(first).isEqualTo("partitionkey");
		assertThat(this.names.of(new String("ce_partitionkey"))).isSameAs(first);
	}

	@Test
	void neverConfusesNamesOfTheSameLengthOrPrefix() {
		assertThat(this.names.of("ce_abc")).isEqualTo("abc");
		assertThat(this.names.of("ce_abd")).isEqualTo("abd");
		assertThat(this.names.of("ce_ab")).isEqualTo("ab");
		assertThat(this.names.of("ce_abcd")).isEqualTo("abcd");
	}

	@Test
	void givesTheRightNameForEverOtherNames() {
		for (int i = 0; i < 100; i++) {
			assertThat(this.names.of("ce_ext" + (i % 20))).isEqualTo("ext" + (i % 20));
		}
	}

}
