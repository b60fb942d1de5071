package io.momentum.kafka.consuming;

/**
 * Told about every record an integration event listener container consumed, once it is
 * finished with it; the seam for consumer metrics. Beans of this type are picked up in
 * {@link org.springframework.core.Ordered order}. Called on the consumer thread: keep it fast,
 * and never throw (a failure is logged and ignored).
 * <p>
 * Failures (retries, dead letters) are reported by the error handler, not here.
 */
public interface ConsumptionObserver {

	/**
	 * A record was handled: its handler returned (and its {@code CompletionStage} completed).
	 * @param consumption the record
	 */
	default void onHandled(Consumption consumption) {
	}

	/**
	 * A record was skipped because no handler of this application handles its type; its offset
	 * is committed like any other.
	 * @param consumption the record
	 */
	default void onSkipped(Consumption consumption) {
	}

}
