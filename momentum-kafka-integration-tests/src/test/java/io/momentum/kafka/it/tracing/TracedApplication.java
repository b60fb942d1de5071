package io.momentum.kafka.it.tracing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanReporter;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import static org.awaitility.Awaitility.await;

/**
 * A service whose handler records the trace it runs in, and which keeps every span it finishes.
 */
@SpringBootApplication
public class TracedApplication {

	@Bean
	PaymentHandler paymentHandler(Tracer tracer) {
		return new PaymentHandler(tracer);
	}

	@Bean
	FinishedSpans finishedSpans() {
		return new FinishedSpans();
	}

	/**
	 * The trace seen by the handler.
	 *
	 * @param eventId the CloudEvents id of the handled event
	 * @param currentTraceId the trace id of the span active in the handler
	 * @param currentParentId the parent span id of the span active in the handler, or {@code null}
	 * @param mdcTraceId the trace id in the logging MDC
	 * @param traceparentExtension the CloudEvents {@code traceparent} extension received
	 */
	public record SeenTrace(String eventId, String currentTraceId, @Nullable String currentParentId, String mdcTraceId,
			String traceparentExtension) {

	}

	/**
	 * Records the trace of every handled payment.
	 */
	public static class PaymentHandler {

		private final List<SeenTrace> seen = new CopyOnWriteArrayList<>();

		private final Tracer tracer;

		PaymentHandler(Tracer tracer) {
			this.tracer = tracer;
		}

		@IntegrationEventHandler
		public void on(PaymentProcessed event, EventMetadata metadata) {
			Span span = this.tracer.currentSpan();
			this.seen.add(new SeenTrace(metadata.id(), (span != null) ? span.context().traceId() : "none",
					(span != null) ? span.context().parentId() : null, String.valueOf(MDC.get("traceId")),
					String.valueOf(metadata.extensions().get("traceparent"))));
		}

		/**
		 * Wait until the event with the given id was handled.
		 * @param eventId the CloudEvents id
		 * @return the trace its handler saw
		 */
		public SeenTrace awaitSeen(String eventId) {
			return await().atMost(Duration.ofSeconds(30))
				.until(() -> this.seen.stream().filter((trace) -> trace.eventId().equals(eventId)).findFirst(),
						Optional::isPresent)
				.orElseThrow();
		}

	}

	/**
	 * Every span the application finished (Spring Boot hands {@link SpanReporter} beans to the tracer).
	 */
	public static class FinishedSpans implements SpanReporter {

		private final List<FinishedSpan> spans = new CopyOnWriteArrayList<>();

		@Override
		public void report(FinishedSpan span) {
			this.spans.add(span);
		}

		/**
		 * Wait until a span with the given id finished.
		 * @param spanId the span id
		 * @return the span
		 */
		public FinishedSpan awaitSpan(String spanId) {
			return await().atMost(Duration.ofSeconds(30))
				.until(() -> this.spans.stream().filter((span) -> span.getSpanId().equals(spanId)).findFirst(),
						Optional::isPresent)
				.orElseThrow();
		}

		@Override
		public void close() {
		}

	}

}
