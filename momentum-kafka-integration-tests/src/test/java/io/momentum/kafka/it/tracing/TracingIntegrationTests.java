package io.momentum.kafka.it.tracing;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.momentum.kafka.it.tracing.TracedApplication.PaymentHandler;
import io.momentum.kafka.it.tracing.TracedApplication.SeenTrace;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace started where an event is published continues in its handler, through a real broker,
 * with the trace id in the handler's logging MDC. No tracing configuration beyond having
 * Micrometer Tracing on the class path.
 */
@SpringBootTest(classes = TracedApplication.class,
		properties = { "spring.application.name=payments-api", "momentum.kafka.consumer.auto-offset-reset=earliest",
				"management.tracing.sampling.probability=1.0" })
@MomentumKafkaTest
class TracingIntegrationTests {

	@Autowired
	IntegrationEventPublisher publisher;

	@Autowired
	PaymentHandler handler;

	@Autowired
	Tracer tracer;

	@Test
	void oneTraceIdFromPublishToHandler() throws Exception {
		Span span = this.tracer.nextSpan().name("checkout").start();
		String traceId = span.context().traceId();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			this.publisher.publish(new PaymentProcessed(UUID.randomUUID(), 1250)).get(30, TimeUnit.SECONDS);
		}
		finally {
			span.end();
		}

		SeenTrace seen = this.handler.seen.poll(30, TimeUnit.SECONDS);
		assertThat(seen).isNotNull();
		assertThat(seen.currentTraceId()).isEqualTo(traceId);
		assertThat(seen.mdcTraceId()).isEqualTo(traceId);
		assertThat(seen.traceparentExtension()).startsWith("00-" + traceId + "-");
	}

	@Test
	void eventPublishedOutsideATraceIsHandledInATraceOfItsOwn() throws Exception {
		this.publisher.publish(new PaymentProcessed(UUID.randomUUID(), 99)).get(30, TimeUnit.SECONDS);

		SeenTrace seen = this.handler.seen.poll(30, TimeUnit.SECONDS);
		assertThat(seen).isNotNull();
		assertThat(seen.currentTraceId()).isNotEqualTo("none").hasSize(32);
		assertThat(seen.mdcTraceId()).isEqualTo(seen.currentTraceId());
	}

}
