package io.momentum.sample.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer's order.
 *
 * @param id the order's id
 * @param lines what was ordered
 * @param total the sum of the lines' amounts
 * @param createdDate when the order was placed
 */
public record Order(UUID id, List<OrderLine> lines, BigDecimal total, Instant createdDate) {

}
