package io.momentum.sample.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.momentum.sample.EventReference;

/**
 * An order as the read model holds it.
 *
 * @param tenantId the tenant
 * @param customerId the customer
 * @param id the order's id
 * @param lines what was ordered
 * @param total the order's total
 * @param createdDate when the order was placed
 * @param status where the order stands
 * @param lastEvent the event that last changed this entry
 */
public record OrderView(UUID tenantId, UUID customerId, UUID id, List<OrderLine> lines, BigDecimal total,
		Instant createdDate, OrderStatus status, EventReference lastEvent) {

	OrderView validated(EventReference source) {
		return new OrderView(this.tenantId, this.customerId, this.id, this.lines, this.total, this.createdDate,
				OrderStatus.VALIDATED, source);
	}

}
