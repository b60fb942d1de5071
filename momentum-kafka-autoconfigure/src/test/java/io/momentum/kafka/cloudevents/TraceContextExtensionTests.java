package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextExtensionTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private final Tracing tracing = Tracing.newBuilder()
		.currentTraceContext(ThreadLocalCurrentTraceContext.create())
		.propagationFactory(new W3CPropagation())
		.traceId128Bit(true)
		.build();

	private final Tracer tracer = new BraveTracer(this.tracing.tracer(),
			new BraveCurrentTraceContext(this.tracing.currentTraceContext()));

	private final Propagator propagator = new BravePropagator(this.tracing);

	private final CashierCreated event = new CashierCreated(UUID.randomUUID(),
			new Cashier(UUID.randomUUID(), "John Doe", "john.doe@example.com", java.time.Instant.now()));

	@AfterEach
	void closeTracing() {
		this.tracing.close();
	}

	@Test
	void binaryExtensionTakesTheProducerSpanOfTheSendObservation() {
		Span checkout = this.tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(checkout)) {
			ProducerRecord<String, byte[]> record = write(CloudEventMode.BINARY);
			String producerSpan = observeSend(record);

			ProducerRecord<String, byte[]> sent = TraceContextExtension.copyHeadersToExtension(record);

			assertThat(sent).isSameAs(record);
			Map<String, String> headers = CloudEventRecordFactoryTests.headers(sent);
			assertThat(headers.get("traceparent")).isEqualTo(
					"00-" + checkout.context().traceId() + "-" + producerSpan + "-01");
			assertThat(headers).containsEntry("ce_traceparent", headers.get("traceparent"));
			assertThat(sent.headers().headers("ce_traceparent")).hasSize(1);
		}
		finally {
			checkout.end();
		}
	}

	@Test
	void structuredEnvelopeTakesTheProducerSpanOfTheSendObservationAndKeepsEverythingElse() {
		Span checkout = this.tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(checkout)) {
			ProducerRecord<String, byte[]> record = write(CloudEventMode.STRUCTURED);
			ObjectNode written = (ObjectNode) json.readTree(record.value());
			String producerSpan = observeSend(record);

			ProducerRecord<String, byte[]> sent = TraceContextExtension.copyHeadersToExtension(record);

			String traceparent = "00-" + checkout.context().traceId() + "-" + producerSpan + "-01";
			assertThat(CloudEventRecordFactoryTests.headers(sent)).containsEntry("traceparent", traceparent)
				.containsEntry("content-type", "application/cloudevents+json");
			JsonNode envelope = json.readTree(sent.value());
			assertThat(envelope.path("traceparent").asString()).isEqualTo(traceparent);
			assertThat(envelope).isEqualTo(written.put("traceparent", traceparent));
			assertThat(sent.topic()).isEqualTo(record.topic());
			assertThat(sent.key()).isEqualTo(record.key());
			assertThat(sent.timestamp()).isEqualTo(record.timestamp());
		}
		finally {
			checkout.end();
		}
	}

	@Test
	void structuredDataIsNotReadAndWrittenAgain() {
		CloudEventRecordFactory factory = new CloudEventRecordFactory(CloudEventMode.STRUCTURED,
				URI.create("appdomain-api"), (event) -> "{\"amount\":12345678901234567890.123456789}"
					.getBytes(StandardCharsets.UTF_8));
		ProducerRecord<String, byte[]> record = factory
			.create(TestEventCatalogs.cashierCreated("t"), this.event, Map.of("traceparent", TRACEPARENT))
			.record();
		String producer = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01";
		record.headers().add("traceparent", producer.getBytes(StandardCharsets.UTF_8));

		ProducerRecord<String, byte[]> sent = TraceContextExtension.copyHeadersToExtension(record);

		String envelope = new String(sent.value(), StandardCharsets.UTF_8);
		assertThat(envelope).contains("\"traceparent\":\"" + producer + "\"")
			.contains("\"data\":{\"amount\":12345678901234567890.123456789}");
	}

	@Test
	void structuredRecordWhoseEnvelopeMatchesItsHeadersIsSentAsItIs() {
		Span checkout = this.tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(checkout)) {
			ProducerRecord<String, byte[]> record = write(CloudEventMode.STRUCTURED);

			assertThat(TraceContextExtension.copyHeadersToExtension(record)).isSameAs(record);
		}
		finally {
			checkout.end();
		}
	}

	@Test
	void sendObservationThatStartsTheTraceIsNamedInTheExtensionToo() {
		ProducerRecord<String, byte[]> record = write(CloudEventMode.BINARY);
		assertThat(CloudEventRecordFactoryTests.headers(record)).doesNotContainKeys("traceparent", "ce_traceparent");
		observeSend(record);

		TraceContextExtension.copyHeadersToExtension(record);

		Map<String, String> headers = CloudEventRecordFactoryTests.headers(record);
		assertThat(headers.get("traceparent")).isNotNull();
		assertThat(headers).containsEntry("ce_traceparent", headers.get("traceparent"));
	}

	@Test
	void tracestateFollowsTheHeaders() {
		ProducerRecord<String, byte[]> record = write(CloudEventMode.BINARY);
		record.headers().add("ce_tracestate", utf8("congo=t61rcWkgMzE"));
		record.headers().add("traceparent", utf8(TRACEPARENT)).add("tracestate", utf8("rojo=00f067aa0ba902b7"));

		TraceContextExtension.copyHeadersToExtension(record);
		assertThat(CloudEventRecordFactoryTests.headers(record)).containsEntry("ce_traceparent", TRACEPARENT)
			.containsEntry("ce_tracestate", "rojo=00f067aa0ba902b7");

		record.headers().remove("tracestate");
		TraceContextExtension.copyHeadersToExtension(record);
		assertThat(CloudEventRecordFactoryTests.headers(record)).doesNotContainKey("ce_tracestate");
	}

	@Test
	void recordWithoutTraceparentHeaderIsLeftAsItIs() {
		ProducerRecord<String, byte[]> record = write(CloudEventMode.BINARY);
		Map<String, String> before = CloudEventRecordFactoryTests.headers(record);

		assertThat(TraceContextExtension.copyHeadersToExtension(record)).isSameAs(record);
		assertThat(CloudEventRecordFactoryTests.headers(record)).isEqualTo(before);
	}

	@Test
	void recordThatIsNoCloudEventIsLeftAsItIs() {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("t", "k", new byte[0]);
		record.headers().add("traceparent", utf8(TRACEPARENT));

		TraceContextExtension.copyHeadersToExtension(record);

		assertThat(record.headers().lastHeader("ce_traceparent")).isNull();
	}

	@Test
	void consumedExtensionHeaderBecomesThePlainTraceContext() {
		Headers headers = new RecordHeaders().add("ce_specversion", utf8("1.0"))
			.add("ce_traceparent", utf8(TRACEPARENT))
			.add("ce_tracestate", utf8("congo=t61rcWkgMzE"));

		TraceContextExtension.copyExtensionToHeaders(headers);

		assertThat(text(headers, "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(text(headers, "tracestate")).isEqualTo("congo=t61rcWkgMzE");
	}

	@Test
	void consumedExtensionHeaderWrittenTheSeedsWayIsReadToo() {
		Headers headers = new RecordHeaders().add("ce-traceparent", utf8(TRACEPARENT));

		TraceContextExtension.copyExtensionToHeaders(headers);

		assertThat(text(headers, "traceparent")).isEqualTo(TRACEPARENT);
		assertThat(headers.lastHeader("tracestate")).isNull();
	}

	@Test
	void consumedPlainTraceparentWins() {
		String plain = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		Headers headers = new RecordHeaders().add("ce_traceparent", utf8(TRACEPARENT))
			.add("ce_tracestate", utf8("congo=t61rcWkgMzE"))
			.add("traceparent", utf8(plain));

		TraceContextExtension.copyExtensionToHeaders(headers);

		assertThat(headers.headers("traceparent")).hasSize(1);
		assertThat(text(headers, "traceparent")).isEqualTo(plain);
		assertThat(headers.lastHeader("tracestate")).isNull();
	}

	@Test
	void consumedRecordWithoutTraceContextIsLeftAsItIs() {
		Headers headers = new RecordHeaders().add("ce_specversion", utf8("1.0")).add("ce_traceparent", new byte[0]);

		TraceContextExtension.copyExtensionToHeaders(headers);

		assertThat(headers.lastHeader("traceparent")).isNull();
		assertThat(headers.toArray()).hasSize(2);
	}

	private ProducerRecord<String, byte[]> write(CloudEventMode mode) {
		CloudEventRecordFactory factory = new CloudEventRecordFactory(mode, URI.create("appdomain-api"),
				new JacksonEventDataSerializer(JsonMapper.builder().build()),
				List.of(new TracingCloudEventRecordCustomizer(this.tracer, this.propagator)), Clock.systemUTC());
		return factory.create(TestEventCatalogs.cashierCreated("t"), this.event, Map.of()).record();
	}

	/**
	 * Start and stop Spring Kafka's send observation of a record as {@code KafkaTemplate} does,
	 * with Micrometer Tracing's propagating handler: it writes its producer span into the headers.
	 * @return the producer span's id
	 */
	private String observeSend(ProducerRecord<String, byte[]> record) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new PropagatingSenderTracingObservationHandler<>(this.tracer, this.propagator));
		KafkaRecordSenderContext context = new KafkaRecordSenderContext(record, "template", () -> null);
		Observation observation = Observation.createNotStarted("spring.kafka.template", () -> context, registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Span producer = this.tracer.currentSpan();
			assertThat(producer).isNotNull();
			return producer.context().spanId();
		}
		finally {
			observation.stop();
		}
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(Headers headers, String name) {
		return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
