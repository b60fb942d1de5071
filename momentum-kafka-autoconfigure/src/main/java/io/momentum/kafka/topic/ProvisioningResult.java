package io.momentum.kafka.topic;

import java.util.List;

/**
 * What topic provisioning found and did at startup.
 *
 * @param created topics created now
 * @param existing topics that already existed (including those created concurrently by another
 * instance)
 * @param underPartitioned existing topics with fewer partitions than requested, left alone
 */
public record ProvisioningResult(List<String> created, List<String> existing, List<String> underPartitioned) {

	public ProvisioningResult {
		created = List.copyOf(created);
		existing = List.copyOf(existing);
		underPartitioned = List.copyOf(underPartitioned);
	}

}
