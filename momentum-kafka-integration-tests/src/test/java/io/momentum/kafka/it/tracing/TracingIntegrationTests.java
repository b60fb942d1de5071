package io.momentum.kafka.it.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
import io.momentum.kafka.topic.EventCatalog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace started where an event is published continues in its handler, through a real broker,
 * with the trace id in the handler's logging MDC. No tracing configuration beyond having
 * Micrometer Tracing on the class path; Actuator provides the {@code ObservationRegistry}, so
 * sends are observed: Spring Kafka's send observation creates the producer span, and the record
 * names that span in its {@code traceparent} header and in its CloudEvents {@code traceparent}
 * extension alike.
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
	FinishedSpans finishedSpans;

	@Autowired
	Tracer tracer;

	@Autowired
	TestKafkaBroker broker;

	@Autowired
	EventCatalog catalog;

	@Test
	void oneTraceIdFromPublishToHandler() throws Exception {
		Span span = this.tracer.nextSpan().name("checkout").start();
		String traceId = span.context().traceId();
		PublishResult result = Wire.publishWithin(this.tracer, span, this.publisher, new PaymentProcessed(UUID.randomUUID(), 1250));

		SeenTrace seen = this.handler.awaitSeen(result.eventId());
		assertThat(seen.currentTraceId()).isEqualTo(traceId);
		assertThat(seen.mdcTraceId()).isEqualTo(traceId);
		assertThat(seen.traceparentExtension()).startsWith("00-" + traceId + "-");
	}

	@Test
	void observedPublishNamesTheProducerSpanInTraceparentHeaderAndExtension() throws Exception {
		Span checkout = this.tracer.nextSpan().name("checkout").start();
		PublishResult result = Wire.publishWithin(this.tracer, checkout, this.publisher, new PaymentProcessed(UUID.randomUUID(), 1250));

		ConsumerRecord<byte[], byte[]> record = Wire.read(this.broker, result);
		assertThat(Wire.headerCount(record, "traceparent")).isOne();
		assertThat(Wire.headerCount(record, "ce_traceparent")).isOne();
		assertThat(Wire.header(record, "ce_traceparent")).isEqualTo(Wire.header(record, "traceparent"));
		Traceparent traceparent = Traceparent.parse(Wire.header(record, "traceparent"));
		assertThat(traceparent.traceId()).isEqualTo(checkout.context().traceId());
		// The sender the record names is Spring Kafka's producer span, a child of the caller's span
		FinishedSpan producer = this.finishedSpans.awaitSpan(traceparent.parentId());
		assertThat(producer.getKind()).isEqualTo(Span.Kind.PRODUCER);
		assertThat(producer.getParentId()).isEqualTo(checkout.context().spanId());
		// and the handler's span is its child
		SeenTrace seen = this.handler.awaitSeen(result.eventId());
		assertThat(seen.currentTraceId()).isEqualTo(traceparent.traceId());
		assertThat(seen.currentParentId()).isEqualTo(traceparent.parentId());
		assertThat(seen.traceparentExtension()).isEqualTo(Wire.header(record, "traceparent"));
	}

	@Test
	void recordWithOnlyTheCloudEventsTraceparentContinuesItsTrace() throws Exception {
		// What a CloudEvents SDK of another platform writes in binary mode: the distributed-tracing
		// extension as a ce_ header, and no plain traceparent header.
		String traceId = randomHex(16);
		String parentId = randomHex(8);
		String eventId = UUID.randomUUID().toString();
		UUID tenantId = UUID.randomUUID();
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
				this.catalog.require(PaymentProcessed.class).topic(), utf8(tenantId.toString()),
				utf8("{\"tenantId\":\"" + tenantId + "\",\"amountCents\":700}"));
		record.headers()
			.add("ce_specversion", utf8("1.0"))
			.add("ce_id", utf8(eventId))
			.add("ce_source", utf8("dotnet-billing"))
			.add("ce_type", utf8("PaymentProcessed"))
			.add("content-type", utf8("application/json"))
			.add("ce_traceparent", utf8("00-" + traceId + "-" + parentId + "-01"));
		Wire.write(this.broker, record);

		SeenTrace seen = this.handler.awaitSeen(eventId);
		assertThat(seen.currentTraceId()).isEqualTo(traceId);
		assertThat(seen.currentParentId()).isEqualTo(parentId);
		assertThat(seen.mdcTraceId()).isEqualTo(traceId);
	}

	@Test
	void eventPublishedOutsideATraceIsHandledInATraceOfItsOwn() throws Exception {
		PublishResult result = this.publisher.publish(new PaymentProcessed(UUID.randomUUID(), 99))
			.get(30, TimeUnit.SECONDS);

		SeenTrace seen = this.handler.awaitSeen(result.eventId());
		assertThat(seen.currentTraceId()).isNotEqualTo("none").hasSize(32);
		assertThat(seen.mdcTraceId()).isEqualTo(seen.currentTraceId());
		// Spring Kafka's send observation started that trace: the extension names its producer span too
		ConsumerRecord<byte[], byte[]> record = Wire.read(this.broker, result);
		assertThat(Wire.header(record, "ce_traceparent")).isEqualTo(Wire.header(record, "traceparent"))
			.startsWith("00-" + seen.currentTraceId() + "-");
	}

	static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		random[0] |= 1;
		return HexFormat.of().formatHex(random);
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
