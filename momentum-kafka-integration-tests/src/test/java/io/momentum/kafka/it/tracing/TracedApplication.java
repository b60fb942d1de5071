package io.momentum.kafka.it.tracing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service whose handler records the trace id it sees.
 */
@SpringBootApplication
public class TracedApplication {

	@Bean
	PaymentHandler paymentHandler(Tracer tracer) {
		return new PaymentHandler(tracer);
	}

	/**
	 * The trace seen by the handler.
	 *
	 * @param currentTraceId the trace id of the span active in the handler
	 * @param mdcTraceId the trace id in the logging MDC
	 * @param traceparentExtension the CloudEvents {@code traceparent} extension received
	 */
	public record SeenTrace(String currentTraceId, String mdcTraceId, String traceparentExtension) {

	}

	/**
	 * Records the trace of every handled payment.
	 */
	public static class PaymentHandler {

		final BlockingQueue<SeenTrace> seen = new LinkedBlockingQueue<>();

		private final Tracer tracer;

		PaymentHandler(Tracer tracer) {
			this.tracer = tracer;
		}

		@IntegrationEventHandler
		public void on(PaymentProcessed event, EventMetadata metadata) {
			Span span = this.tracer.currentSpan();
			this.seen.add(new SeenTrace((span != null) ? span.context().traceId() : "none",
					String.valueOf(MDC.get("traceId")), String.valueOf(metadata.extensions().get("traceparent"))));
		}

	}

}
