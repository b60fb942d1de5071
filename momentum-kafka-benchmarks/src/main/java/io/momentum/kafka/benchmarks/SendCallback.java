package io.momentum.kafka.benchmarks;

import java.util.function.BiConsumer;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Told of the outcome of one send, as a Kafka producer {@link Callback} or as the {@code whenComplete} action of a
 * future.
 */
interface SendCallback extends Callback, BiConsumer<Object, @Nullable Throwable> {

	/**
	 * The send completed.
	 * @param exception the failure, or {@code null} when the broker acknowledged the record
	 */
	void completed(@Nullable Throwable exception);

	@Override
	default void onCompletion(@Nullable RecordMetadata metadata, @Nullable Exception exception) {
		completed(exception);
	}

	@Override
	default void accept(Object result, @Nullable Throwable exception) {
		completed(exception);
	}

}
