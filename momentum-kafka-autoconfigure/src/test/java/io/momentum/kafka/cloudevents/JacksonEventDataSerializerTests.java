package io.momentum.kafka.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.Unserializable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JacksonEventDataSerializerTests {

	private static final UUID TENANT = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

	private final CashierCreated event = new CashierCreated(TENANT, new Cashier(
			UUID.fromString("456e7890-e12b-34c5-d678-901234567890"), "John Doe", "john.doe@example.com",
			Instant.parse("2024-01-15T10:30:00Z")));

	@Test
	void writesComponentsInCamelCaseWithIsoTimesAndUuidStrings() {
		byte[] json = new JacksonEventDataSerializer(JsonMapper.builder().build()).serialize(this.event);
		assertThat(new String(json, StandardCharsets.UTF_8))
			.isEqualTo("{\"tenantId\":\"123e4567-e89b-12d3-a456-426614174000\",\"cashier\":{"
					+ "\"id\":\"456e7890-e12b-34c5-d678-901234567890\",\"name\":\"John Doe\","
					+ "\"email\":\"john.doe@example.com\",\"createdDate\":\"2024-01-15T10:30:00Z\"}}");
	}

	@Test
	void usesTheGivenMappersCustomisations() {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		byte[] json = new JacksonEventDataSerializer(snakeCase).serialize(this.event);
		assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"tenant_id\"").contains("\"created_date\"");
	}

	@Test
	void failureNamesTheEventTypeAndTheComponent() {
		Unserializable broken = new Unserializable(TENANT, new Unserializable.Details("x"));
		assertThatExceptionOfType(EventDataSerializationException.class)
			.isThrownBy(() -> new JacksonEventDataSerializer(JsonMapper.builder().build()).serialize(broken))
			.withMessageStartingWith("Could not serialize " + Unserializable.class.getName()
					+ " to JSON at component 'details.secret': ")
			.withMessageContaining("secret is not readable")
			.satisfies((ex) -> {
				assertThat(ex.getEventType()).isEqualTo(Unserializable.class);
				assertThat(ex.getComponent()).isEqualTo("details.secret");
			});
	}

}
