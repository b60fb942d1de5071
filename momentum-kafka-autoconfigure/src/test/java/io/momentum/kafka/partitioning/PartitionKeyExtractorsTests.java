package io.momentum.kafka.partitioning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import io.momentum.kafka.annotation.DistributedEvent;
import io.momentum.kafka.annotation.PartitionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartitionKeyExtractorsTests {

	private static final UUID TENANT = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

	private static final UUID CUSTOMER = UUID.fromString("456e7890-e12b-34c5-d678-901234567890");

	@Test
	void singleComponentIsRenderedAsIs() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(CashierCreated.class);
		assertThat(extractor.extract(new CashierCreated(TENANT, "Jane"))).isEqualTo(TENANT.toString());
		assertThat(extractor.components()).containsExactly("tenantId");
		assertThat(extractor.hasKey()).isTrue();
	}

	@Test
	void compositeKeyIsJoinedWithPipeInOrderThenName() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(OrderCreated.class);
		assertThat(extractor.components()).containsExactly("tenantId", "customerId");
		assertThat(extractor.extract(new OrderCreated(CUSTOMER, TENANT, "order")))
			.isEqualTo(TENANT + "|" + CUSTOMER);
	}

	@Test
	void equalOrderIsBrokenByComponentName() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(SameOrder.class);
		assertThat(extractor.components()).containsExactly("alpha", "beta", "zulu");
		assertThat(extractor.extract(new SameOrder("z", "a", "b"))).isEqualTo("a|b|z");
	}

	@Test
	void distributedEventWinsOverAnnotations() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(Distributed.class);
		assertThat(extractor.components()).containsExactly("partitionKey()");
		assertThat(extractor.extract(new Distributed(TENANT, "region-7"))).isEqualTo("region-7");
	}

	@Test
	void noKeyGivesNull() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(Unkeyed.class);
		assertThat(extractor.extract(new Unkeyed("x"))).isNull();
		assertThat(extractor.components()).isEmpty();
		assertThat(extractor.hasKey()).isFalse();
	}

	@Test
	void nullComponentFailsNamingTypeAndComponent() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(OrderCreated.class);
		assertThatExceptionOfType(InvalidPartitionKeyException.class)
			.isThrownBy(() -> extractor.extract(new OrderCreated(null, TENANT, "order")))
			.withMessageContaining("'customerId'")
			.withMessageContaining(OrderCreated.class.getName())
			.satisfies((ex) -> {
				assertThat(ex.getEventType()).isEqualTo(OrderCreated.class);
				assertThat(ex.getComponent()).isEqualTo("customerId");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankComponentFails(String blank) {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(SameOrder.class);
		assertThatExceptionOfType(InvalidPartitionKeyException.class)
			.isThrownBy(() -> extractor.extract(new SameOrder("z", blank, "b")))
			.withMessageContaining("'alpha'");
	}

	@Test
	void blankDistributedKeyFails() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(Distributed.class);
		assertThatExceptionOfType(InvalidPartitionKeyException.class)
			.isThrownBy(() -> extractor.extract(new Distributed(TENANT, " ")))
			.withMessageContaining("'partitionKey()'")
			.withMessageContaining(Distributed.class.getName());
		assertThatExceptionOfType(InvalidPartitionKeyException.class)
			.isThrownBy(() -> extractor.extract(new Distributed(TENANT, null)));
	}

	@Test
	void plainClassFieldsAndGettersAreKeys() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(PlainEvent.class);
		assertThat(extractor.components()).containsExactly("tenant", "region");
		assertThat(extractor.extract(new PlainEvent("acme", Region.EU_WEST))).isEqualTo("acme|EU_WEST");
	}

	@Test
	void inheritedFieldsAreKeys() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(SubEvent.class);
		assertThat(extractor.components()).containsExactly("tenant", "region");
		assertThat(extractor.extract(new SubEvent("acme", Region.INDIA))).isEqualTo("acme|INDIA");
	}

	@Test
	void annotatedRecordMethodsAreKeysToo() {
		PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(DerivedKey.class);
		assertThat(extractor.components()).containsExactly("tenantId", "regionCode");
		assertThat(extractor.extract(new DerivedKey(TENANT, Region.EU_WEST))).isEqualTo(TENANT + "|eu_west");
	}

	@Test
	void valuesRenderWithoutLocaleUnderGermanDefault() {
		assertInvariantRendering(Locale.GERMANY);
	}

	@Test
	void valuesRenderWithoutLocaleUnderTurkishDefault() {
		assertInvariantRendering(Locale.forLanguageTag("tr-TR"));
	}

	private void assertInvariantRendering(Locale locale) {
		Locale previous = Locale.getDefault();
		Locale.setDefault(locale);
		try {
			PartitionKeyExtractor extractor = PartitionKeyExtractors.forType(Typed.class);
			Typed event = new Typed(1234.5, 2.5f, new BigDecimal("1E+3"), 42L, Region.INDIA,
					LocalDate.of(2024, 1, 15), Instant.parse("2024-01-15T10:30:00Z"),
					OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHours(2)), true, TENANT, "İstanbul");
			assertThat(extractor.extract(event)).isEqualTo("1234.5|2.5|1000|42|INDIA|2024-01-15|"
					+ "2024-01-15T10:30:00Z|2024-01-15T10:30+02:00|true|" + TENANT + "|İstanbul");
		}
		finally {
			Locale.setDefault(previous);
		}
	}

	@Test
	void typeWithoutToStringIsRefusedAtStartup() {
		assertThatIllegalArgumentException().isThrownBy(() -> PartitionKeyExtractors.forType(Opaque.class))
			.withMessageContaining("'value'")
			.withMessageContaining(Opaque.class.getName())
			.withMessageContaining("toString()");
	}

	@Test
	void annotatedMethodWithParametersIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PartitionKeyExtractors.forType(BadGetter.class))
			.withMessageContaining("without parameters");
	}

	record CashierCreated(@PartitionKey UUID tenantId, String name) {
	}

	record OrderCreated(@PartitionKey(order = 1) UUID customerId, @PartitionKey(order = 0) UUID tenantId,
			String order) {
	}

	record SameOrder(@PartitionKey String zulu, @PartitionKey String alpha, @PartitionKey String beta) {
	}

	record Distributed(@PartitionKey UUID tenantId, String region) implements DistributedEvent {

		@Override
		public String partitionKey() {
			return this.region;
		}

	}

	record Unkeyed(String message) {
	}

	enum Region {

		EU_WEST, INDIA

	}

	record Typed(@PartitionKey(order = 0) Double amount, @PartitionKey(order = 1) float ratio,
			@PartitionKey(order = 2) BigDecimal total, @PartitionKey(order = 3) long count,
			@PartitionKey(order = 4) Region region, @PartitionKey(order = 5) LocalDate day,
			@PartitionKey(order = 6) Instant at, @PartitionKey(order = 7) OffsetDateTime offset,
			@PartitionKey(order = 8) boolean flag, @PartitionKey(order = 9) UUID id,
			@PartitionKey(order = 10) String city) {
	}

	record DerivedKey(@PartitionKey UUID tenantId, Region region) {

		@PartitionKey(order = 1)
		public String regionCode() {
			return this.region.name().toLowerCase(Locale.ROOT);
		}

	}

	static class PlainEvent {

		@PartitionKey
		private final String tenant;

		private final Region region;

		PlainEvent(String tenant, Region region) {
			this.tenant = tenant;
			this.region = region;
		}

		@PartitionKey(order = 1)
		public Region getRegion() {
			return this.region;
		}

	}

	static class SubEvent extends PlainEvent {

		SubEvent(String tenant, Region region) {
			super(tenant, region);
		}

	}

	static final class Holder {

	}

	record Opaque(@PartitionKey Holder value) {
	}

	static class BadGetter {

		@PartitionKey
		public String key(String argument) {
			return argument;
		}

	}

}
