package io.momentum.sample.cashiers;

import java.time.Instant;
import java.util.UUID;

import io.momentum.sample.EventReference;
import org.jspecify.annotations.Nullable;

/**
 * A cashier as the read model holds it.
 *
 * @param tenantId the tenant
 * @param id the cashier's id
 * @param name the name
 * @param email the e-mail address, if known
 * @param createdDate when the cashier was created
 * @param updatedDate when it was last updated, {@code null} before the first update
 * @param lastEvent the event that last changed this entry
 */
public record CashierView(UUID tenantId, UUID id, String name, @Nullable String email, Instant createdDate,
		@Nullable Instant updatedDate, EventReference lastEvent) {

}
