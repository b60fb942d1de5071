package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.momentum.kafka.partitioning.InvalidPartitionKeyException;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.RawRecords;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import io.momentum.kafka.publishing.fixtures.Unkeyed;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CloudEventRecordFactoryTests {

	private static final String TOPIC = "dev.appdomain.public.cashiers";

	private static final UUID TENANT = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

	private static final Instant NOW = Instant.parse("2024-01-15T10:30:00.123456Z");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final EventDescriptor cashierCreated = TestEventCatalogs.cashierCreated(TOPIC);

	private final CashierCreated event = new CashierCreated(TENANT,
			new Cashier(UUID.fromString("456e7890-e12b-34c5-d678-901234567890"), "John Doe", "john.doe@example.com",
					Instant.parse("2024-01-15T10:30:00Z")));

	@Test
	void binaryModeWritesAttributesAsCeHeadersAndDataAsValue() {
		CloudEventRecord written = factory(CloudEventMode.BINARY, List.of()).create(this.cashierCreated, this.event,
				Map.of());
		ProducerRecord<String, byte[]> record = written.record();
		assertThat(record.topic()).isEqualTo(TOPIC);
		assertThat(record.key()).isEqualTo(TENANT.toString()).isEqualTo(written.key());
		assertThat(record.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:00.123Z").toEpochMilli());
		assertThat(headers(record)).containsExactly(Map.entry("ce_specversion", "1.0"),
				Map.entry("ce_id", written.id()), Map.entry("ce_source", "appdomain-api"),
				Map.entry("ce_type", "CashierCreated"), Map.entry("content-type", "application/json"),
				Map.entry("ce_subject", "tenant/" + TENANT), Map.entry("ce_time", "2024-01-15T10:30:00.123Z"),
				Map.entry("ce_partitionkey", TENANT.toString()));
		assertThat(UUID.fromString(written.id())).isNotNull();
		assertThat(json.readTree(record.value())).isEqualTo(json.readTree("""
				{"tenantId": "123e4567-e89b-12d3-a456-426614174000",
				 "cashier": {"id": "456e7890-e12b-34c5-d678-901234567890", "name": "John Doe",
				             "email": "john.doe@example.com", "createdDate": "2024-01-15T10:30:00Z"}}
				"""));
	}

	@Test
	void structuredModeWritesTheEnvelopeWithDataAsJsonObject() {
		CloudEventRecord written = factory(CloudEventMode.STRUCTURED, List.of()).create(this.cashierCreated,
				this.event, Map.of());
		ProducerRecord<String, byte[]> record = written.record();
		assertThat(record.key()).isEqualTo(TENANT.toString());
		assertThat(headers(record)).containsExactly(Map.entry("content-type", "application/cloudevents+json"));
		JsonNode envelope = json.readTree(record.value());
		assertThat(envelope).isEqualTo(json.readTree("""
				{"specversion": "1.0", "id": "%s", "source": "appdomain-api", "type": "CashierCreated",
				 "datacontenttype": "application/json", "subject": "tenant/123e4567-e89b-12d3-a456-426614174000",
				 "time": "2024-01-15T10:30:00.123Z", "partitionkey": "123e4567-e89b-12d3-a456-426614174000",
				 "data": {"tenantId": "123e4567-e89b-12d3-a456-426614174000",
				          "cashier": {"id": "456e7890-e12b-34c5-d678-901234567890", "name": "John Doe",
				                      "email": "john.doe@example.com", "createdDate": "2024-01-15T10:30:00Z"}}}
				""".formatted(written.id())));
	}

	@Test
	void eachEventGetsAFreshId() {
		CloudEventRecordFactory factory = factory(CloudEventMode.BINARY, List.of());
		assertThat(factory.create(this.cashierCreated, this.event, Map.of()).id())
			.isNotEqualTo(factory.create(this.cashierCreated, this.event, Map.of()).id());
	}

	@Test
	void eventTypeWithoutKeyUsesTheEventIdAsKeyAndHasNoSubject() {
		CloudEventRecord written = factory(CloudEventMode.BINARY, List.of())
			.create(TestEventCatalogs.unkeyed("dev.appdomain.public.audit"), new Unkeyed("n"), Map.of());
		assertThat(written.key()).isEqualTo(written.id());
		assertThat(written.record().key()).isEqualTo(written.id());
		assertThat(headers(written.record())).containsEntry("ce_partitionkey", written.id())
			.doesNotContainKey("ce_subject");
	}

	@Test
	void nullKeyComponentFailsNamingTypeAndComponent() {
		CashierCreated noTenant = new CashierCreated(null, this.event.cashier());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> factory(CloudEventMode.BINARY, List.of()).create(this.cashierCreated, noTenant, Map.of()))
			.isInstanceOf(InvalidPartitionKeyException.class)
			.withMessageContaining("tenantId")
			.withMessageContaining(CashierCreated.class.getName());
	}

	@Test
	void extensionsGivenToPublishAreWrittenAsAttributes() {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("correlationid", "c-1");
		extensions.put("attempt", 2);
		extensions.put("replay", true);
		extensions.put("origin", URI.create("https://example.com/x"));
		extensions.put("validfrom", OffsetDateTime.parse("2024-01-15T10:30:00Z"));
		CloudEventRecordFactory.checkExtensions(extensions);
		CloudEventRecord written = factory(CloudEventMode.BINARY, List.of()).create(this.cashierCreated, this.event,
				extensions);
		assertThat(headers(written.record())).containsEntry("ce_correlationid", "c-1")
			.containsEntry("ce_attempt", "2")
			.containsEntry("ce_replay", "true")
			.containsEntry("ce_origin", "https://example.com/x")
			.containsEntry("ce_validfrom", "2024-01-15T10:30:00Z");
	}

	@Test
	void extensionNamesThatAreReservedOrInvalidAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CloudEventRecordFactory.checkExtensions(Map.of("id", "x")))
			.withMessageContaining("'id'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudEventRecordFactory.checkExtensions(Map.of("partitionkey", "x")))
			.withMessageContaining("'partitionkey'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudEventRecordFactory.checkExtensions(Map.of("Trace-Id", "x")))
			.withMessageContaining("'Trace-Id' is not a valid CloudEvents extension name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CloudEventRecordFactory.checkExtensions(Map.of("amount", new Object())))
			.withMessageContaining("'amount'")
			.withMessageContaining("java.lang.Object");
	}

	@Test
	void customizersAddExtensionsAndPlainHeaders() {
		CloudEventRecordCustomizer customizer = (outgoing) -> {
			outgoing.extension("traceparent", "00-" + outgoing.key().replace("-", "") + "-0000000000000001-01");
			outgoing.header("traceparent", "plain".getBytes(StandardCharsets.UTF_8));
		};
		CloudEventRecord binary = factory(CloudEventMode.BINARY, List.of(customizer)).create(this.cashierCreated,
				this.event, Map.of());
		assertThat(headers(binary.record())).containsEntry("ce_traceparent",
				"00-123e4567e89b12d3a456426614174000-0000000000000001-01")
			.containsEntry("traceparent", "plain");
		CloudEventRecord structured = factory(CloudEventMode.STRUCTURED, List.of(customizer))
			.create(this.cashierCreated, this.event, Map.of());
		assertThat(json.readTree(structured.record().value()).get("traceparent").asString())
			.isEqualTo("00-123e4567e89b12d3a456426614174000-0000000000000001-01");
		assertThat(headers(structured.record())).containsEntry("traceparent", "plain");
	}

	@Test
	void customizerCannotOverwriteContextAttributes() {
		CloudEventRecordCustomizer customizer = (outgoing) -> outgoing.extension("type", "Other");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> factory(CloudEventMode.BINARY, List.of(customizer)).create(this.cashierCreated,
					this.event, Map.of()))
			.withMessageContaining("'type'");
	}

	@Test
	void sourceIsTheConfiguredSourceElseTheApplicationName() {
		assertThat(CloudEventRecordFactory.resolveSource("/billing/invoices", "appdomain-api"))
			.isEqualTo(URI.create("/billing/invoices"));
		assertThat(CloudEventRecordFactory.resolveSource(null, "appdomain-api")).isEqualTo(URI.create("appdomain-api"));
		assertThat(CloudEventRecordFactory.resolveSource(" ", "appdomain-api")).isEqualTo(URI.create("appdomain-api"));
	}

	@Test
	void sourceMissingFailsNamingBothKeys() {
		assertThatIllegalStateException().isThrownBy(() -> CloudEventRecordFactory.resolveSource(null, null))
			.withMessageContaining("momentum.kafka.cloudevents.source")
			.withMessageContaining("spring.application.name");
	}

	@Test
	void sourceThatIsNotAUriFailsNamingTheKey() {
		assertThatIllegalStateException()
			.isThrownBy(() -> CloudEventRecordFactory.resolveSource("not a uri", "appdomain-api"))
			.withMessageContaining("'not a uri'")
			.withMessageContaining("momentum.kafka.cloudevents.source");
	}

	private CloudEventRecordFactory factory(CloudEventMode mode, List<CloudEventRecordCustomizer> customizers) {
		return new CloudEventRecordFactory(mode, URI.create("appdomain-api"),
				new JacksonEventDataSerializer(json), customizers, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
		return RawRecords.headers(record.headers());
	}

}
