package io.momentum.kafka.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Median and range of a few measurements, and percentiles of many.
 */
final class Stats {

	private Stats() {
	}

	/**
	 * The median and range of some values.
	 *
	 * @param median the median (mean of the two middle values for an even count)
	 * @param min the smallest value
	 * @param max the largest value
	 */
	record Summary(double median, double min, double max) {

		static Summary of(List<Double> values) {
			if (values.isEmpty()) {
				return new Summary(Double.NaN, Double.NaN, Double.NaN);
			}
			double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			int n = sorted.length;
			double median = (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
			return new Summary(median, sorted[0], sorted[n - 1]);
		}

	}

	/**
	 * A percentile by the nearest-rank method.
	 * @param sorted sorted values
	 * @param percentile between 0 and 100
	 * @return the value
	 */
	static long percentile(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static long[] sorted(long[] values) {
		long[] copy = values.clone();
		Arrays.sort(copy);
		return copy;
	}

}
