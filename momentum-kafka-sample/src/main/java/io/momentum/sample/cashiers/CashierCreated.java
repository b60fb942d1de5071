package io.momentum.sample.cashiers;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * A cashier was created. Topic {@code dev.appdomain.public.cashiers} (entity {@link Cashier},
 * pluralised; domain {@code appdomain} from {@code spring.application.name}), record key the
 * tenant id, CloudEvents subject {@code tenant/<tenantId>}.
 *
 * @param tenantId the tenant, the partition key: a tenant's cashier events keep their order
 * @param cashier the new cashier
 */
@EventTopic(value = Cashier.class, subject = "tenant/{tenantId}")
public record CashierCreated(@PartitionKey UUID tenantId, Cashier cashier) {

}
