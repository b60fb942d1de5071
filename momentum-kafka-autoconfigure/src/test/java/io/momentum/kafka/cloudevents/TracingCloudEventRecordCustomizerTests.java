package io.momentum.kafka.cloudevents;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.momentum.kafka.publishing.fixtures.Cashier;
import io.momentum.kafka.publishing.fixtures.CashierCreated;
import io.momentum.kafka.publishing.fixtures.TestEventCatalogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class TracingCloudEventRecordCustomizerTests {

	private final Tracing tracing = Tracing.newBuilder()
		.currentTraceContext(ThreadLocalCurrentTraceContext.create())
		.propagationFactory(new W3CPropagation())
		.traceId128Bit(true)
		.build();

	private final Tracer tracer = new BraveTracer(this.tracing.tracer(),
			new BraveCurrentTraceContext(this.tracing.currentTraceContext()));

	private final CloudEventRecordFactory factory = new CloudEventRecordFactory(CloudEventMode.BINARY,
			URI.create("appdomain-api"), new JacksonEventDataSerializer(JsonMapper.builder().build()),
			List.of(new TracingCloudEventRecordCustomizer(this.tracer, new BravePropagator(this.tracing))),
			Clock.systemUTC());

	private final CashierCreated event = new CashierCreated(UUID.randomUUID(),
			new Cashier(UUID.randomUUID(), "John Doe", "john.doe@example.com", java.time.Instant.now()));

	@AfterEach
	void closeTracing() {
		this.tracing.close();
	}

	@Test
	void activeTraceIsWrittenAsTraceparentHeaderAndExtension() {
		Span span = this.tracer.nextSpan().name("checkout").start();
		CloudEventRecord written;
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			written = this.factory.create(TestEventCatalogs.cashierCreated("t"), this.event, Map.of());
		}
		finally {
			span.end();
		}
		String traceparent = "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
		assertThat(CloudEventRecordFactoryTests.headers(written.record())).containsEntry("traceparent", traceparent)
			.containsEntry("ce_traceparent", traceparent);
	}

	@Test
	void withoutActiveTraceNothingIsAdded() {
		CloudEventRecord written = this.factory.create(TestEventCatalogs.cashierCreated("t"), this.event, Map.of());
		assertThat(CloudEventRecordFactoryTests.headers(written.record())).doesNotContainKeys("traceparent",
				"ce_traceparent", "tracestate", "ce_tracestate");
	}

	@Test
	void withoutTracerNothingIsAdded() {
		CloudEventRecordFactory untraced = new CloudEventRecordFactory(CloudEventMode.BINARY,
				URI.create("appdomain-api"), new JacksonEventDataSerializer(JsonMapper.builder().build()),
				List.of(new TracingCloudEventRecordCustomizer(() -> null, () -> null)), Clock.systemUTC());
		Span span = this.tracer.nextSpan().start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			CloudEventRecord written = untraced.create(TestEventCatalogs.cashierCreated("t"), this.event, Map.of());
			assertThat(CloudEventRecordFactoryTests.headers(written.record())).doesNotContainKey("traceparent");
		}
		finally {
			span.end();
		}
	}

}
