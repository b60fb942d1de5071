package io.momentum.kafka.cloudevents;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PropertySubjectTemplateTests {

	private static final UUID TENANT = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

	@Test
	void rendersRecordComponents() {
		SubjectTemplate template = PropertySubjectTemplate.compile(CashierCreated.class, "tenant/{tenantId}");
		assertThat(template.render(new CashierCreated(TENANT, "Jane", LocalDate.of(2024, 1, 15))))
			.isEqualTo("tenant/" + TENANT);
	}

	@Test
	void rendersSeveralPlaceholdersAndLiterals() {
		SubjectTemplate template = PropertySubjectTemplate.compile(CashierCreated.class,
				"tenant/{tenantId}/cashiers/{ name }/{day}");
		assertThat(template.render(new CashierCreated(TENANT, "Jane", LocalDate.of(2024, 1, 15))))
			.isEqualTo("tenant/" + TENANT + "/cashiers/Jane/2024-01-15");
	}

	@Test
	void literalTemplateRendersAsWritten() {
		assertThat(PropertySubjectTemplate.compile(CashierCreated.class, "cashiers").render(
				new CashierCreated(TENANT, "Jane", null)))
			.isEqualTo("cashiers");
	}

	@Test
	void rendersGettersOfPlainClasses() {
		SubjectTemplate template = PropertySubjectTemplate.compile(PlainEvent.class, "{region}:{active}");
		assertThat(template.render(new PlainEvent())).isEqualTo("eu:true");
	}

	@Test
	void placeholderOfATypeWithoutItsOwnToStringFailsLikeAPartitionKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertySubjectTemplate.compile(WithOpaqueValue.class, "owner/{owner}"))
			.withMessageContaining(WithOpaqueValue.class.getName())
			.withMessageContaining("'{owner}'")
			.withMessageContaining("without its own toString()");
	}

	@Test
	void unknownPlaceholderFailsNamingClassAndPlaceholder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertySubjectTemplate.compile(CashierCreated.class, "tenant/{tenant}"))
			.withMessageContaining(CashierCreated.class.getName())
			.withMessageContaining("'{tenant}'")
			.withMessageContaining("[tenantId, name, day]");
	}

	@Test
	void unbalancedBracesFail() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertySubjectTemplate.compile(CashierCreated.class, "tenant/{tenantId"))
			.withMessageContaining("'{' without '}'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertySubjectTemplate.compile(CashierCreated.class, "tenant/tenantId}"))
			.withMessageContaining("'}' without '{'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PropertySubjectTemplate.compile(CashierCreated.class, "tenant/{}"))
			.withMessageContaining("empty or nested placeholder");
	}

	@Test
	void nullValueFailsNamingPlaceholder() {
		SubjectTemplate template = PropertySubjectTemplate.compile(CashierCreated.class, "day/{day}");
		assertThatIllegalArgumentException().isThrownBy(() -> template.render(new CashierCreated(TENANT, "J", null)))
			.withMessageContaining("'{day}'")
			.withMessageContaining(CashierCreated.class.getName());
	}

	record WithOpaqueValue(Opaque owner) {
	}

	static class Opaque {

	}

	record CashierCreated(UUID tenantId, String name, LocalDate day) {
	}

	static class PlainEvent {

		private final String region = "eu";

		public boolean isActive() {
			return true;
		}

	}

}
