package io.momentum.kafka.consuming;

import io.momentum.kafka.cloudevents.UnreadableEventException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The error handler of integration event containers when the application defines no
 * {@code CommonErrorHandler} bean: a record that cannot be read is logged at WARN (topic,
 * partition, offset, reason) and skipped at once; a failing handler is retried with
 * spring-kafka's default back-off (10 attempts, no delay), then the record is logged at ERROR and
 * skipped. Either way the partition moves on and the skipped offset is committed: a poison record
 * never stops a partition. Dead-letter topics replace the skipping when configured.
 */
public class SkippingErrorHandler extends DefaultErrorHandler {

	private static final Log logger = LogFactory.getLog(SkippingErrorHandler.class);

	/**
	 * Create the handler.
	 */
	public SkippingErrorHandler() {
		super(SkippingErrorHandler::skip);
		addNotRetryableExceptions(UnreadableEventException.class);
		// Retry in memory and acknowledge the skipped record, so that its offset is committed even
		// when it is the last one of its partition.
		setSeekAfterError(false);
		setAckAfterHandle(true);
	}

	private static void skip(ConsumerRecord<?, ?> record, Exception exception) {
		String coordinates = record.topic() + "-" + record.partition() + "@" + record.offset();
		UnreadableEventException unreadable = findUnreadable(exception);
		if (unreadable != null) {
			logger.warn("Skipped unreadable record " + coordinates + ": " + unreadable.getMessage());
		}
		else {
			logger.error("Skipped record " + coordinates + " after its handler failed: "
					+ NestedExceptionUtils.getMostSpecificCause(exception), exception);
		}
	}

	private static @Nullable UnreadableEventException findUnreadable(Throwable exception) {
		@Nullable Throwable current = exception;
		while (current != null) {
			if (current instanceof UnreadableEventException unreadable) {
				return unreadable;
			}
			current = current.getCause();
		}
		return null;
	}

}
