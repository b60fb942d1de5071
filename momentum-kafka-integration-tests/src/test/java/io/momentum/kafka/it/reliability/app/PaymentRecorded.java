package io.momentum.kafka.it.reliability.app;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The event every scenario publishes, on topic {@code <env>.ledger.public.payments}.
 *
 * @param account the partition key
 * @param sequence the publisher's sequence number, for diagnosis
 * @param publishedAtNanos {@link System#nanoTime()} when it was published, for publish-to-handler latency (the
 * publisher and the handler run in one JVM)
 */
@EventTopic(topic = "payments")
public record PaymentRecorded(@PartitionKey String account, long sequence, long publishedAtNanos) {

}
