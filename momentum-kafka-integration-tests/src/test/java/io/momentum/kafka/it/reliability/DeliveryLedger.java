package io.momentum.kafka.it.reliability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.kafka.it.reliability.app.HandledEvents;
import io.momentum.kafka.it.reliability.app.PaymentRecorded;
import io.momentum.kafka.publishing.IntegrationEventPublishException;
import io.momentum.kafka.publishing.PublishResult;
import org.jspecify.annotations.Nullable;

/**
 * What a scenario published and what the handler saw, by CloudEvents id: the books every scenario balances.
 * <p>
 * An event is <em>acknowledged</em> when its publish future completed normally, <em>failed</em> when it completed
 * with an {@link IntegrationEventPublishException}; <em>lost</em> are acknowledged events never handled;
 * <em>duplicates</em> count the extra times an event was handled. Thread-safe: futures complete on the producer's
 * thread, handlers run on consumer threads.
 */
final class DeliveryLedger implements HandledEvents {

	private final Map<String, PublishResult> acknowledged = new ConcurrentHashMap<>();

	private final Map<String, String> failedIds = new ConcurrentHashMap<>();

	private final Collection<Throwable> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger pending = new AtomicInteger();

	private final Collection<Acknowledgement> acknowledgements = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

	private final Collection<Delivery> deliveries = new ConcurrentLinkedQueue<>();

	private final AtomicLong handledCount = new AtomicLong();

	private final AtomicLong acknowledgedCount = new AtomicLong();

	private volatile long lastHandledNanos;

	private volatile long lastAcknowledgedNanos;

	private volatile long lastFailureNanos;

	/**
	 * Follows one publish future.
	 * @param future the future returned by the publisher
	 * @return the same future
	 */
	CompletableFuture<PublishResult> track(CompletableFuture<PublishResult> future) {
		this.pending.incrementAndGet();
		future.whenComplete((result, failure) -> {
			if (result != null) {
				this.acknowledged.put(result.eventId(), result);
				this.acknowledgedCount.incrementAndGet();
				long now = System.nanoTime();
				this.lastAcknowledgedNanos = now;
				this.acknowledgements.add(new Acknowledgement(now, result.partition()));
			}
			else {
				this.failures.add(failure);
				this.lastFailureNanos = System.nanoTime();
				if (failure instanceof IntegrationEventPublishException publish && publish.getEventId() != null) {
					this.failedIds.put(publish.getEventId(), String.valueOf(publish.getMessage()));
				}
			}
			this.pending.decrementAndGet();
		});
		return future;
	}

	@Override
	public void handled(PaymentRecorded event, EventMetadata metadata) {
		this.handled.computeIfAbsent(metadata.id(), (id) -> new AtomicInteger()).incrementAndGet();
		this.deliveries.add(new Delivery(metadata.id(), metadata.partition(), metadata.offset(),
				System.nanoTime() - event.publishedAtNanos()));
		this.handledCount.incrementAndGet();
		this.lastHandledNanos = System.nanoTime();
	}

	/**
	 * Records handled by another process (read from its file), as if this ledger's handler had seen them.
	 * @param external the deliveries
	 */
	void addHandledElsewhere(Collection<Delivery> external) {
		for (Delivery delivery : external) {
			this.handled.computeIfAbsent(delivery.id(), (id) -> new AtomicInteger()).incrementAndGet();
			this.deliveries.add(delivery);
			this.handledCount.incrementAndGet();
		}
	}

	int pending() {
		return this.pending.get();
	}

	long acknowledgedCount() {
		return this.acknowledgedCount.get();
	}

	long handledCount() {
		return this.handledCount.get();
	}

	long lastHandledNanos() {
		return this.lastHandledNanos;
	}

	long lastAcknowledgedNanos() {
		return this.lastAcknowledgedNanos;
	}

	long lastFailureNanos() {
		return this.lastFailureNanos;
	}

	Map<String, PublishResult> acknowledged() {
		return Map.copyOf(this.acknowledged);
	}

	List<Throwable> failures() {
		return List.copyOf(this.failures);
	}

	Set<String> failedIds() {
		return Set.copyOf(this.failedIds.keySet());
	}

	/**
	 * Acknowledged events the handler has not seen.
	 * @return their ids
	 */
	Set<String> missing() {
		return this.acknowledged.keySet()
			.stream()
			.filter((id) -> !this.handled.containsKey(id))
			.collect(Collectors.toSet());
	}

	/**
	 * Extra handlings: an event handled three times counts two.
	 * @return the number of duplicate handlings
	 */
	long duplicates() {
		return this.handled.values().stream().mapToLong((count) -> Math.max(0, count.get() - 1)).sum();
	}

	/**
	 * Events whose publish failed but that the handler saw anyway: a failed future means "not acknowledged", not
	 * "not written".
	 * @return how many
	 */
	long failedButHandled() {
		return this.failedIds.keySet().stream().filter(this.handled::containsKey).count();
	}

	/**
	 * How often one event was handled.
	 * @param id the event id
	 * @return the count, 0 when never
	 */
	int timesHandled(String id) {
		AtomicInteger count = this.handled.get(id);
		return (count != null) ? count.get() : 0;
	}

	List<Delivery> deliveries() {
		return new ArrayList<>(this.deliveries);
	}

	/**
	 * The longest time one partition went without an acknowledgement, between its first and last one.
	 * @param partition the partition
	 * @return the longest gap
	 */
	java.time.Duration longestAcknowledgementGap(int partition) {
		long[] times = this.acknowledgements.stream()
			.filter((ack) -> ack.partition() == partition)
			.mapToLong(Acknowledgement::nanos)
			.sorted()
			.toArray();
		long gap = 0;
		for (int i = 1; i < times.length; i++) {
			gap = Math.max(gap, times[i] - times[i - 1]);
		}
		return java.time.Duration.ofNanos(gap);
	}

	private record Acknowledgement(long nanos, int partition) {

	}

	/**
	 * One handling of an event.
	 *
	 * @param id the CloudEvents id
	 * @param partition the partition
	 * @param offset the offset
	 * @param latencyNanos publish-to-handler time, {@code -1} when unknown
	 */
	record Delivery(String id, int partition, long offset, long latencyNanos) {

		static @Nullable Delivery parse(String line) {
			String[] fields = line.split(",");
			if (fields.length != 3) {
				return null; // the line a SIGKILL cut short
			}
			return new Delivery(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]), -1);
		}

	}

}
