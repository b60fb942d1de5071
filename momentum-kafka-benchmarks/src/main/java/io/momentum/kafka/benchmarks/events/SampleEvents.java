package io.momentum.kafka.benchmarks.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The events every contender publishes: the seed's {@code CashierCreated} with the documentation's values, with
 * distinct tenants and cashiers so that keys spread over the partitions.
 */
public final class SampleEvents {

	private static final Instant CREATED = Instant.parse("2024-01-15T10:30:00Z");

	private static final String PROBE_PREFIX = "probe-";

	private SampleEvents() {
	}

	/**
	 * A pool of distinct events, built once so that building events is not measured.
	 * @param size the number of events
	 * @return the events
	 */
	public static CashierCreated[] cashiersCreated(int size) {
		CashierCreated[] events = new CashierCreated[size];
		for (int i = 0; i < size; i++) {
			events[i] = cashierCreated(i);
		}
		return events;
	}

	/**
	 * One event, with the seed's values and a tenant and cashier id derived from {@code index}.
	 * @param index distinguishes the event
	 * @return the event
	 */
	public static CashierCreated cashierCreated(long index) {
		UUID tenantId = new UUID(0x123e4567e89b12d3L, 0xa456426614174000L + index);
		UUID cashierId = new UUID(0x456e7890e12b34c5L, 0xd678901234567890L + index);
		return new CashierCreated(tenantId, new Cashier(cashierId, "John Doe", "john.doe@example.com", CREATED));
	}

	/**
	 * A probe event for latency measurements: its cashier's name carries a sequence number.
	 * @param sequence the sequence number
	 * @return the event
	 */
	public static CashierCreated probe(int sequence) {
		CashierCreated event = cashierCreated(sequence);
		Cashier cashier = event.cashier();
		return new CashierCreated(event.tenantId(),
				new Cashier(cashier.id(), PROBE_PREFIX + sequence, cashier.email(), cashier.createdDate()));
	}

	/**
	 * The sequence number of a probe event.
	 * @param event an event
	 * @return its sequence number, or -1 when it is not a probe
	 */
	public static int probeSequence(CashierCreated event) {
		String name = event.cashier().name();
		return name.startsWith(PROBE_PREFIX) ? Integer.parseInt(name, PROBE_PREFIX.length(), name.length(), 10) : -1;
	}

	/**
	 * An event with a composite key.
	 * @param index distinguishes the event
	 * @return the event
	 */
	public static OrderCreated orderCreated(long index) {
		return new OrderCreated(new UUID(1, index), new UUID(2, index), new Order(new UUID(3, index), 4200 + index));
	}

}
