package io.momentum.kafka.consuming;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextRestoringDeserializerTests {

	private static final byte[] TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
		.getBytes(StandardCharsets.UTF_8);

	private final TraceContextRestoringDeserializer deserializer = new TraceContextRestoringDeserializer();

	@Test
	void valueIsReturnedAsItIsAndExtensionHeaderBecomesThePlainTraceparent() {
		// The consumer hands fetched values over as ByteBuffers
		Headers headers = new RecordHeaders().add("ce_traceparent", TRACEPARENT);
		byte[] value = "{\"amountCents\":1}".getBytes(StandardCharsets.UTF_8);

		byte[] deserialized = this.deserializer.deserialize("payments", headers, ByteBuffer.wrap(value));

		assertThat(deserialized).isEqualTo(value);
		assertThat(headers.lastHeader("traceparent").value()).isEqualTo(TRACEPARENT);
	}

	@Test
	void nullValueStaysNull() {
		Headers headers = new RecordHeaders();

		assertThat(this.deserializer.deserialize("payments", headers, (ByteBuffer) null)).isNull();
		assertThat(headers.toArray()).isEmpty();
	}

}
