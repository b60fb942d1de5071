package io.momentum.kafka.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.benchmarks.events.OrderCreated;
import io.momentum.kafka.benchmarks.events.SampleEvents;
import io.momentum.kafka.partitioning.PartitionKeyExtractor;
import io.momentum.kafka.partitioning.PartitionKeyExtractors;
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
 * Partition-key extraction per publish: one {@code @PartitionKey UUID} component, two components joined with
 * {@code |}, and the hand-written {@code event.tenantId().toString()} for reference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class PartitionKeyBenchmarks {

	private CashierCreated cashierCreated;

	private OrderCreated orderCreated;

	private PartitionKeyExtractor single;

	private PartitionKeyExtractor composite;

	@Setup
	public void setUp() {
		this.cashierCreated = SampleEvents.cashierCreated(7);
		this.orderCreated = SampleEvents.orderCreated(7);
		this.single = PartitionKeyExtractors.forType(CashierCreated.class);
		this.composite = PartitionKeyExtractors.forType(OrderCreated.class);
	}

	@Benchmark
	public String handWrittenSingle() {
		return this.cashierCreated.tenantId().toString();
	}

	@Benchmark
	public String extractSingle() {
		return this.single.extract(this.cashierCreated);
	}

	@Benchmark
	public String extractComposite() {
		return this.composite.extract(this.orderCreated);
	}

}
