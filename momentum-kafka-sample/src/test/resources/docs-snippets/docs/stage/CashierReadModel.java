package docs.stage;

import java.util.concurrent.CompletableFuture;

/**
 * The application's store that {@code docs/consumers.md}'s handlers update.
 */
public interface CashierReadModel {

	void create(CashierCreated event);

	CompletableFuture<Void> updateAsync(CashierUpdated event);

}
