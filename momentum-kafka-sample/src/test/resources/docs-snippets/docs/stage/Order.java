package docs.stage;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An aggregate of the documentation's order examples.
 */
public record Order(UUID id, BigDecimal total) {

}
