package io.momentum.kafka.it.tracing;

import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.momentum.kafka.it.tracing.TracedApplication.FinishedSpans;
import io.momentum.kafka.it.tracing.TracedApplication.PaymentHandler;
import io.momentum.kafka.it.tracing.TracedApplication.SeenTrace;
import io.momentum.kafka.it.tracing.Wire.Traceparent;
import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.MomentumKafkaTest;
import io.momentum.kafka.test.TestKafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In structured mode, an observed publish names Spring Kafka's producer span in the plain
 * {@code traceparent} header and in the {@code traceparent} member of the CloudEvents envelope
 * alike, and leaves the event data as it was written.
 */
@SpringBootTest(classes = TracedApplication.class,
		properties = { "spring.application.name=payments-api", "momentum.kafka.consumer.auto-offset-reset=earliest",
				"management.tracing.sampling.probability=1.0", "momentum.kafka.cloudevents.mode=structured" })
@MomentumKafkaTest
class StructuredModeTracingIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	IntegrationEventPublisher publisher;

	@Autowired
	PaymentHandler handler;

	@Autowired
	FinishedSpans finishedSpans;

	@Autowired
	Tracer tracer;

	@Autowired
	TestKafkaBroker broker;

	@Test
	void observedPublishNamesTheProducerSpanInTraceparentHeaderAndEnvelope() throws Exception {
		UUID tenantId = UUID.randomUUID();
		Span checkout = this.tracer.nextSpan().name("checkout").start();
		PublishResult result = Wire.publishWithin(this.tracer, checkout, this.publisher, new PaymentProcessed(tenantId, 1250));

		ConsumerRecord<byte[], byte[]> record = Wire.read(this.broker, result);
		JsonNode envelope = json.readTree(record.value());
		String header = Wire.header(record, "traceparent");
		assertThat(envelope.path("traceparent").asString()).isEqualTo(header);
		assertThat(envelope.path("id").asString()).isEqualTo(result.eventId());
		assertThat(envelope.path("partitionkey").asString()).isEqualTo(tenantId.toString());
		assertThat(envelope.path("data")).isEqualTo(json.readTree("{\"tenantId\":\"" + tenantId + "\",\"amountCents\":1250}"));
		Traceparent traceparent = Traceparent.parse(header);
		assertThat(traceparent.traceId()).isEqualTo(checkout.context().traceId());
		FinishedSpan producer = this.finishedSpans.awaitSpan(traceparent.parentId());
		assertThat(producer.getKind()).isEqualTo(Span.Kind.PRODUCER);
		assertThat(producer.getParentId()).isEqualTo(checkout.context().spanId());
		SeenTrace seen = this.handler.awaitSeen(result.eventId());
		assertThat(seen.currentTraceId()).isEqualTo(traceparent.traceId());
		assertThat(seen.currentParentId()).isEqualTo(traceparent.parentId());
		assertThat(seen.traceparentExtension()).isEqualTo(header);
	}

}
