package docs.stage;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The documentation's event; snippets that declare it themselves shadow this one.
 */
@EventTopic(value = Cashier.class, subject = "tenant/{tenantId}")
public record CashierCreated(@PartitionKey UUID tenantId, Cashier cashier) {

}
