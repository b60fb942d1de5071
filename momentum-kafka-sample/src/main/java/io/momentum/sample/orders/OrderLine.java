package io.momentum.sample.orders;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param product the product
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record OrderLine(String product, int quantity, BigDecimal unitPrice) {

	/**
	 * The line's amount.
	 * @return quantity times unit price
	 */
	public BigDecimal amount() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
