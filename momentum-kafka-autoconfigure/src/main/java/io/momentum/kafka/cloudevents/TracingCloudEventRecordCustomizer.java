package io.momentum.kafka.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Writes the active trace context into every published event: each field the application's
 * {@link Propagator} emits as a plain Kafka header (the W3C {@code traceparent} header that
 * tracing libraries read), and {@code traceparent}/{@code tracestate} also as CloudEvents
 * extension attributes (the CloudEvents distributed-tracing extension). Does nothing when no trace
 * is active, or when the application has no tracer.
 * <p>
 * This is the trace context of an unobserved send, which has no span of its own. When the
 * publisher's sends are observed, Spring Kafka's send observation then replaces the plain headers
 * with the context of its producer span (a child of the active span, or the root of a new trace
 * when none is active), and the publisher's template makes the extension follow them (see
 * {@link TraceContextExtension#copyHeadersToExtension}): both name the producer span.
 */
public final class TracingCloudEventRecordCustomizer implements CloudEventRecordCustomizer {

	private static final String TRACEPARENT = "traceparent";

	private static final String TRACESTATE = "tracestate";

	private static final Propagator.Setter<OutgoingCloudEvent> SETTER = (event, name, value) -> {
		if (event == null) {
			return;
		}
		event.header(name, value.getBytes(StandardCharsets.UTF_8));
		if (TRACEPARENT.equals(name) || TRACESTATE.equals(name)) {
			event.extension(name, value);
		}
	};

	private final Supplier<@Nullable Tracer> tracerSupplier;

	private final Supplier<@Nullable Propagator> propagatorSupplier;

	private volatile @Nullable Tracing tracing;

	/**
	 * Create a customizer on the given tracer.
	 * @param tracer the application's tracer
	 * @param propagator the application's propagator (W3C by default in Spring Boot)
	 */
	public TracingCloudEventRecordCustomizer(Tracer tracer, Propagator propagator) {
		this(() -> tracer, () -> propagator);
	}

	/**
	 * Create a customizer that looks the tracer and propagator up on the first publish, so that
	 * it does not depend on the order in which they are created.
	 * @param tracer supplies the application's tracer, or {@code null} when there is none
	 * @param propagator supplies the application's propagator, or {@code null} when there is none
	 */
	public TracingCloudEventRecordCustomizer(Supplier<@Nullable Tracer> tracer,
			Supplier<@Nullable Propagator> propagator) {
		this.tracerSupplier = tracer;
		this.propagatorSupplier = propagator;
	}

	@Override
	public void customize(OutgoingCloudEvent event) {
		Tracing tracing = tracing();
		if (tracing.tracer == null || tracing.propagator == null) {
			return;
		}
		TraceContext context = tracing.tracer.currentTraceContext().context();
		if (context != null) {
			tracing.propagator.inject(context, event, SETTER);
		}
	}

	private Tracing tracing() {
		Tracing tracing = this.tracing;
		if (tracing == null) {
			tracing = new Tracing(this.tracerSupplier.get(), this.propagatorSupplier.get());
			this.tracing = tracing;
		}
		return tracing;
	}

	private record Tracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
	}

}
