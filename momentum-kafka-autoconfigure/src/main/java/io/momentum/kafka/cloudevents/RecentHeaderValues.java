package io.momentum.kafka.cloudevents;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The values of one CloudEvents header seen recently, by their bytes: a topic's records repeat a few sources, types
 * and content types, so each is decoded and interpreted once instead of per record. A fixed number of entries, the
 * oldest replaced first, so that a producer sending ever new values costs a decode per record and no memory.
 * <p>
 * Shared by consumer threads without locking: entries are immutable, and a thread that misses an entry another
 * thread has just added only decodes the value again.
 *
 * @param <T> the interpreted value
 */
final class RecentHeaderValues<T> {

	private static final int SIZE = 16;

	private final Function<String, @Nullable T> interpreter;

	@SuppressWarnings("unchecked")
	private final @Nullable Entry<T>[] entries = new Entry[SIZE];

	private int next;

	/**
	 * Create an empty set of values.
	 * @param interpreter turns the decoded header text into its value, or {@code null} when the text is invalid
	 * (invalid texts are not kept)
	 */
	RecentHeaderValues(Function<String, @Nullable T> interpreter) {
		this.interpreter = interpreter;
	}

	/**
	 * The value of a header.
	 * @param bytes the header value
	 * @return the interpreted value, or {@code null} when the bytes are not valid UTF-8 or the text is invalid
	 */
	@Nullable T get(byte[] bytes) {
		for (Entry<T> entry : this.entries) {
			if (entry != null && Arrays.equals(entry.bytes, bytes)) {
				return entry.value;
			}
		}
		if (!SdkCloudEventReader.isUtf8(bytes)) {
			return null;
		}
		T value = this.interpreter.apply(new String(bytes, StandardCharsets.UTF_8));
		if (value != null) {
			int slot = this.next;
			this.next = (slot + 1) % SIZE;
			this.entries[slot] = new Entry<>(bytes.clone(), value);
		}
		return value;
	}

	private record Entry<T>(byte[] bytes, T value) {
	}

}
