package docs.stage;

import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

/**
 * The documentation's second event on the cashiers topic.
 */
@EventTopic(Cashier.class)
public record CashierUpdated(@PartitionKey UUID tenantId, Cashier cashier) {

}
