package docs.stage;

import java.util.UUID;

/**
 * The seed's aggregate, as the documentation shows it ({@code new Cashier(id, "John")}).
 */
public record Cashier(UUID id, String name) {

}
