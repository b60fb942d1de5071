package io.momentum.kafka.topic;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvironmentNameTests {

	private static final Map<String, String> ALIASES = Map.of("Staging", "stg", "local", "local", "PRODUCTION",
			"prd");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			Development,  dev
			development,  dev
			Production,   prod
			Test,         test
			Staging,      stag
			qa,           qa
			QA,           qa
			local,        loca
			dev,          dev
			prod,         prod
			""")
	void shortensByMomentumRuleWithoutAliases(String name, String expected) {
		assertThat(EnvironmentName.of(name, Map.of()).value()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			Development,  dev
			Production,   prd
			Test,         test
			Staging,      stg
			staging,      stg
			qa,           qa
			local,        local
			LOCAL,        local
			""")
	void aliasesOverrideTheRuleForTheirNameOnly(String name, String expected) {
		assertThat(EnvironmentName.of(name, ALIASES).value()).isEqualTo(expected);
	}

	@Test
	void configuredNameWinsOverActiveProfile() {
		assertThat(EnvironmentName.resolve("Production", List.of("staging"), Map.of()).value()).isEqualTo("prod");
	}

	@Test
	void firstActiveProfileWhenNothingConfigured() {
		assertThat(EnvironmentName.resolve(null, List.of("staging", "kafka"), Map.of()).value()).isEqualTo("stag");
		assertThat(EnvironmentName.resolve("  ", List.of("test"), Map.of()).value()).isEqualTo("test");
	}

	@Test
	void devWithoutConfigurationOrProfile() {
		assertThat(EnvironmentName.resolve(null, List.of(), Map.of()).value()).isEqualTo("dev");
	}

	@Test
	void aliasAppliesToProfilesToo() {
		assertThat(EnvironmentName.resolve(null, List.of("staging"), ALIASES).value()).isEqualTo("stg");
	}

	@Test
	void blankAliasIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnvironmentName.of("qa", Map.of("qa", " ")))
			.withMessageContaining("momentum.kafka.environment-aliases");
	}

	@Test
	void ignoresTurkishDefaultLocale() {
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			assertThat(EnvironmentName.of("INTEGRATION", Map.of()).value()).isEqualTo("inte");
			assertThat(EnvironmentName.of("QA-I", Map.of()).value()).isEqualTo("qa-i");
		}
		finally {
			Locale.setDefault(previous);
		}
	}

}
