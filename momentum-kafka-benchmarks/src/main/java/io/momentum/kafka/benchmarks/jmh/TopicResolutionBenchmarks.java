package io.momentum.kafka.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventDescriptor;
import io.momentum.kafka.topic.TopicNameResolver;
import io.momentum.kafka.topic.TopicResolution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Topic resolution: the naming rules applied to an event type (once per type, at startup) and the catalog look-up
 * every publish does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TopicResolutionBenchmarks {

	private TopicNameResolver resolver;

	private EventCatalog catalog;

	@Setup
	public void setUp() {
		this.resolver = Fixtures.topicNameResolver();
		this.catalog = Fixtures.catalog();
	}

	@Benchmark
	public TopicResolution resolveName() {
		return this.resolver.resolve(CashierCreated.class);
	}

	@Benchmark
	public EventDescriptor catalogLookUp() {
		return this.catalog.require(CashierCreated.class);
	}

}
