package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.momentum.kafka.consuming.fixtures.Cashier;
import io.momentum.kafka.consuming.fixtures.CashierCreated;
import io.momentum.kafka.consuming.fixtures.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

import static io.momentum.kafka.consuming.fixtures.CloudEventRecords.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventDataBinderTests {

	private static final String SEED_DATA = """
			{
			  "tenantId": "123e4567-e89b-12d3-a456-426614174000",
			  "partitionKeyTest": 0,
			  "cashier": {
			    "id": "456e7890-e12b-34c5-d678-901234567890",
			    "name": "John Doe",
			    "email": "john.doe@example.com",
			    "createdDate": "2024-01-15T10:30:00Z"
			  }
			}""";

	private static final CashierCreated SEED_EVENT = new CashierCreated(
			UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
			new Cashier(UUID.fromString("456e7890-e12b-34c5-d678-901234567890"), "John Doe", "john.doe@example.com",
					Instant.parse("2024-01-15T10:30:00Z")));

	private final JsonMapper strictMapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final CloudEventDataBinder binder = new CloudEventDataBinder(this.strictMapper);

	@Test
	void bindsTheSeedsDataIgnoringUnknownFieldsWithoutChangingTheApplicationsMapper() {
		assertThat(this.binder.bind(event("application/json", SEED_DATA), CashierCreated.class)).isEqualTo(SEED_EVENT);
		assertThatExceptionOfType(UnrecognizedPropertyException.class)
			.isThrownBy(() -> this.strictMapper.readValue(SEED_DATA, CashierCreated.class));
	}

	@Test
	void bindsDataOfStructuredMode() {
		ProducerRecord<byte[], byte[]> record = CloudEventRecords.structured("t", "k",
				event("application/json", SEED_DATA));
		CloudEvent read = new SdkCloudEventReader().read(record.headers(), record.value());
		assertThat(this.binder.bind(read, CashierCreated.class)).isEqualTo(SEED_EVENT);
	}

	@Test
	void acceptsJsonContentTypesAndNone() {
		assertThat(this.binder.bind(event(null, SEED_DATA), CashierCreated.class)).isEqualTo(SEED_EVENT);
		assertThat(this.binder.bind(event("application/json; charset=utf-8", SEED_DATA), CashierCreated.class))
			.isEqualTo(SEED_EVENT);
		assertThat(this.binder.bind(event("application/vnd.momentum+json", SEED_DATA), CashierCreated.class))
			.isEqualTo(SEED_EVENT);
	}

	@Test
	void otherContentTypeIsUnreadable() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.binder.bind(event("application/xml", "<cashier/>"), CashierCreated.class))
			.withMessageContaining("application/xml");
	}

	@Test
	void dataThatDoesNotBindIsUnreadableNamingTheType() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.binder.bind(event("application/json", "{\"tenantId\":\"not-a-uuid\"}"),
					CashierCreated.class))
			.withMessageContaining(CashierCreated.class.getName())
			.withMessageNotContaining("not-a-uuid\"}");
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.binder.bind(event("application/json", "{\"tenantId\":"), CashierCreated.class));
	}

	@Test
	void missingOrNullDataIsUnreadable() {
		CloudEvent noData = CloudEventBuilder.v1().withId("1").withSource(URI.create("s")).withType("T").build();
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.binder.bind(noData, CashierCreated.class))
			.withMessageContaining("no data");
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.binder.bind(event("application/json", "null"), CashierCreated.class))
			.withMessageContaining("null");
	}

	private static CloudEvent event(String contentType, String data) {
		CloudEventBuilder builder = CloudEventBuilder.v1().withId("1").withSource(URI.create("s")).withType("T");
		return (contentType != null) ? builder.withData(contentType, bytes(data)).build()
				: builder.withData(bytes(data)).build();
	}

}
