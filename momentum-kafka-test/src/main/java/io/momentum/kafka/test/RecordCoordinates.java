package io.momentum.kafka.test;

/**
 * Where a record is: topic, partition and offset, which identify it on a cluster. Published and
 * consumed records are matched by them.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset
 */
record RecordCoordinates(String topic, int partition, long offset) {

	@Override
	public String toString() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}
