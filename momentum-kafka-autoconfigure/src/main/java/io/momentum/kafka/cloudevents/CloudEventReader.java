package io.momentum.kafka.cloudevents;

import io.cloudevents.CloudEvent;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Reads the CloudEvent carried by a Kafka record, in any input format the library accepts (SPEC
 * §6): binary content mode ({@code ce_} headers), structured content mode
 * ({@code application/cloudevents+json}, with or without parameters), {@code ce-} hyphenated
 * header names, and the records Momentum's .NET services write.
 * <p>
 * Implementations are thread-safe and keep no state per record. A faster reader for one
 * content mode can replace the default one behind this interface, as long as it accepts exactly
 * what the default one accepts.
 *
 * @see SdkCloudEventReader
 */
@FunctionalInterface
public interface CloudEventReader {

	/**
	 * Read the CloudEvent of one record.
	 * @param headers the record headers; not modified
	 * @param value the record value, {@code null} for a tombstone
	 * @return the event, with its data still unparsed
	 * @throws UnreadableEventException when the record is not a valid CloudEvent
	 */
	CloudEvent read(Headers headers, byte @Nullable [] value);

}
