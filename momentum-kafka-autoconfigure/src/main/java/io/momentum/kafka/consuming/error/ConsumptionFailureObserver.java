package io.momentum.kafka.consuming.error;

/**
 * Told by {@link IntegrationEventErrorHandler} about retries and dead letters; the seam for the
 * {@code retried} and {@code dead_lettered} consumer metrics. Together with
 * {@link io.momentum.kafka.consuming.ConsumptionObserver} (handled, skipped), every record read is
 * reported exactly once as handled, skipped or dead-lettered. Beans of this type are picked up in
 * {@link org.springframework.core.Ordered order}. Called on the consumer thread: keep it fast, and
 * never throw (a failure is logged and ignored).
 */
public interface ConsumptionFailureObserver {

	/**
	 * An attempt failed and the record will be tried again after a back-off.
	 * @param failure the failed attempt
	 */
	default void onRetried(ConsumptionFailure failure) {
	}

	/**
	 * The record was dead-lettered (more precisely: the recoverer accepted it) after its last
	 * attempt; its offset is committed like that of a handled record.
	 * @param failure the last failed attempt
	 */
	default void onDeadLettered(ConsumptionFailure failure) {
	}

	/**
	 * The record could not be dead-lettered (dead-letter topic missing, broker unreachable): its
	 * offset is not committed and the partition tries it again after a back-off.
	 * @param failure the last failed attempt
	 * @param deadLetterFailure why dead-lettering failed
	 */
	default void onDeadLetterFailed(ConsumptionFailure failure, Exception deadLetterFailure) {
	}

}
