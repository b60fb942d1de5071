package io.momentum.sample.cashiers;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * A cashier's name or e-mail address changed. Same topic as {@link CashierCreated}
 * ({@code dev.appdomain.public.cashiers}); handlers are chosen by the CloudEvents type.
 *
 * @param tenantId the tenant, the partition key
 * @param cashier the cashier as it is now
 */
@EventTopic(Cashier.class)
public record CashierUpdated(@PartitionKey UUID tenantId, Cashier cashier) {

}
