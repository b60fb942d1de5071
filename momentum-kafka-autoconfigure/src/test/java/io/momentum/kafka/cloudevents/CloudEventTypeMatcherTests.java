package io.momentum.kafka.cloudevents;

import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CashierUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CloudEventTypeMatcherTests {

	@Test
	void matchesExactType() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("CashierCreated", CashierCreated.class, "created")
			.add("CashierUpdated", CashierUpdated.class, "updated")
			.build();
		assertThat(matcher.match("CashierCreated")).isEqualTo("created");
		assertThat(matcher.match("CashierUpdated")).isEqualTo("updated");
	}

	@Test
	void matchesLastSegmentOfDotNetTypeName() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("CashierCreated", CashierCreated.class, "created")
			.build();
		assertThat(matcher.match("AppDomain.Cashiers.Contracts.IntegrationEvents.CashierCreated")).isEqualTo("created");
		assertThat(matcher.match("AppDomain.Contracts.IntegrationEvents+CashierCreated")).isEqualTo("created");
	}

	@Test
	void matchesSimpleClassNameWhenTypeIsOverridden() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("com.example.cashier.created.v1", CashierCreated.class, "created")
			.build();
		assertThat(matcher.match("com.example.cashier.created.v1")).isEqualTo("created");
		assertThat(matcher.match("CashierCreated")).isEqualTo("created");
		assertThat(matcher.match("Other.Namespace.CashierCreated")).isEqualTo("created");
		assertThat(matcher.match("v1")).isEqualTo("created");
	}

	@Test
	void matchesQualifiedOverrideByItsLastSegment() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("AppDomain.Cashiers.CashierOpened", CashierCreated.class, "created")
			.build();
		assertThat(matcher.match("CashierOpened")).isEqualTo("created");
	}

	@Test
	void doesNotMatchOtherTypes() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("CashierCreated", CashierCreated.class, "created")
			.build();
		assertThat(matcher.match("CashierDeleted")).isNull();
		assertThat(matcher.match("AppDomain.CashierDeleted")).isNull();
		assertThat(matcher.match("cashiercreated")).isNull();
		assertThat(matcher.match("CashierCreated.")).isNull();
		assertThat(matcher.match("")).isNull();
	}

	@Test
	void ambiguousShortNameMatchesNeitherButExactTypesStillDo() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("billing.Created", CashierCreated.class, "billing")
			.add("cashiers.Created", CashierUpdated.class, "cashiers")
			.build();
		assertThat(matcher.ambiguousNames()).containsExactly("Created");
		assertThat(matcher.match("Created")).isNull();
		assertThat(matcher.match("Other.Created")).isNull();
		assertThat(matcher.match("billing.Created")).isEqualTo("billing");
		assertThat(matcher.match("cashiers.Created")).isEqualTo("cashiers");
	}

	@Test
	void exactTypeWinsOverAnotherTypesShortName() {
		CloudEventTypeMatcher<String> matcher = CloudEventTypeMatcher.<String>builder()
			.add("CashierCreated", CashierUpdated.class, "updated")
			.add("cashier.created", CashierCreated.class, "created")
			.build();
		assertThat(matcher.match("CashierCreated")).isEqualTo("updated");
	}

	@Test
	void twoTargetsWithOneExactTypeFail() {
		CloudEventTypeMatcher.Builder<String> builder = CloudEventTypeMatcher.<String>builder()
			.add("CashierCreated", CashierCreated.class, "created")
			.add("CashierCreated", CashierUpdated.class, "updated");
		assertThatIllegalStateException().isThrownBy(builder::build)
			.withMessageContaining("'CashierCreated'")
			.withMessageContaining("created")
			.withMessageContaining("updated");
	}

}
