package io.momentum.kafka.it.tracing;

import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.momentum.kafka.it.tracing.TracedApplication.PaymentHandler;
import io.momentum.kafka.it.tracing.TracedApplication.SeenTrace;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.MomentumKafkaTest;
import io.momentum.kafka.test.TestKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With send observation switched off there is no producer span: the record names the caller's
 * span in its {@code traceparent} header and extension, and the handler's span is its child.
 */
@SpringBootTest(classes = TracedApplication.class,
		properties = { "spring.application.name=payments-api", "momentum.kafka.consumer.auto-offset-reset=earliest",
				"management.tracing.sampling.probability=1.0", "spring.kafka.template.observation-enabled=false" })
@MomentumKafkaTest
class UnobservedPublishTracingIntegrationTests {

	@Autowired
	IntegrationEventPublisher publisher;

	@Autowired
	PaymentHandler handler;

	@Autowired
	Tracer tracer;

	@Autowired
	TestKafkaBroker broker;

	@Test
	void unobservedPublishNamesTheCallersSpanInTraceparentHeaderAndExtension() throws Exception {
		Span checkout = this.tracer.nextSpan().name("checkout").start();
		PublishResult result = Wire.publishWithin(this.tracer, checkout, this.publisher, new PaymentProcessed(UUID.randomUUID(), 1250));

		ConsumerRecord<byte[], byte[]> record = Wire.read(this.broker, result);
		String callers = "00-" + checkout.context().traceId() + "-" + checkout.context().spanId() + "-01";
		assertThat(Wire.header(record, "traceparent")).isEqualTo(callers);
		assertThat(Wire.header(record, "ce_traceparent")).isEqualTo(callers);
		SeenTrace seen = this.handler.awaitSeen(result.eventId());
		assertThat(seen.currentTraceId()).isEqualTo(checkout.context().traceId());
		assertThat(seen.currentParentId()).isEqualTo(checkout.context().spanId());
	}

}
