package io.momentum.kafka.cloudevents;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link CloudEventReader}: the CloudEvents SDK's Kafka protocol binding
 * ({@link KafkaMessageFactory}) after making CloudEvents header names canonical, so that
 * {@code ce-} and {@code Content-Type} headers are read too. Structured mode is chosen by the
 * {@code content-type} header ({@code application/cloudevents+json}, parameters such as
 * {@code charset} allowed), binary mode by a {@code ce_specversion} header. Only CloudEvents 1.0
 * is accepted.
 * <p>
 * CloudEvents attribute headers and {@code content-type} must be valid UTF-8 (the binding's
 * encoding): the SDK would silently replace invalid bytes, so that an {@code id} or
 * {@code type} would no longer be the one the producer wrote.
 */
public class SdkCloudEventReader implements CloudEventReader {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	@Override
	public CloudEvent read(Headers headers, byte @Nullable [] value) {
		if (value == null) {
			throw new UnreadableEventException("The record value is null (a tombstone), not a CloudEvent");
		}
		Headers canonical = CloudEventHeaderNames.normalize(headers);
		requireUtf8(canonical);
		CloudEvent event;
		try {
			event = KafkaMessageFactory.createReader(canonical, value).toEvent();
		}
		catch (RuntimeException ex) {
			throw new UnreadableEventException("The record is not a CloudEvent: " + ex.getMessage(), ex);
		}
		if (event.getSpecVersion() != SpecVersion.V1) {
			throw new UnreadableEventException("CloudEvents specversion " + event.getSpecVersion()
					+ " is not supported; integration events use specversion 1.0");
		}
		return event;
	}

	private static void requireUtf8(Headers headers) {
		for (Header header : headers) {
			if (CloudEventHeaderNames.isCloudEventsHeader(header.key()) && !isUtf8(header.value())) {
				throw new UnreadableEventException(
						"The value of header '" + header.key() + "' is not valid UTF-8, so the record is not a CloudEvent");
			}
		}
	}

	/**
	 * Whether every byte is ASCII, eight bytes at a time (the values of a record's headers are new arrays, so this
	 * runs for each).
	 */
	private static boolean isAscii(byte[] value) {
		int i = 0;
		for (; i + Long.BYTES <= value.length; i += Long.BYTES) {
			if (((long) LONGS.get(value, i) & 0x8080808080808080L) != 0) {
				return false;
			}
		}
		for (; i < value.length; i++) {
			if (value[i] < 0) {
				return false;
			}
		}
		return true;
	}

	static boolean isUtf8(byte @Nullable [] value) {
		if (value == null) {
			return true;
		}
		if (isAscii(value)) {
			return true;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(value));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
