package io.momentum.kafka.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.momentum.kafka.benchmarks.events.CashierCreated;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The best hand-written code for our wire format, the fair baseline: Jackson for the data and the CloudEvents
 * binary-mode headers built by hand, per event, with the same attributes the publisher writes ({@code ce_id},
 * {@code ce_source}, {@code ce_specversion}, {@code ce_type}, {@code content-type}, {@code ce_time},
 * {@code ce_partitionkey}), so that both put the same bytes on the wire. Reading dispatches on the
 * {@code ce_type} header and binds the value with Jackson, ignoring unknown fields as our binder does.
 */
public final class HandWrittenCloudEvents {

	private static final byte[] SPEC_VERSION = bytes("1.0");

	private static final byte[] JSON = bytes("application/json");

	private final String topic;

	private final byte[] source;

	private final byte[] type;

	private final ObjectWriter writer;

	private final Map<String, ObjectReader> readers = new HashMap<>();

	/**
	 * Create the encoder and decoder of {@link CashierCreated}.
	 * @param jsonMapper the mapper (the application's, so that the JSON is the same as ours)
	 * @param topic the topic records are written to
	 * @param source the CloudEvents {@code source}
	 */
	public HandWrittenCloudEvents(JsonMapper jsonMapper, String topic, String source) {
		this.topic = topic;
		this.source = bytes(source);
		this.type = bytes(CashierCreated.class.getSimpleName());
		this.writer = jsonMapper.writerFor(CashierCreated.class);
		this.readers.put(CashierCreated.class.getSimpleName(),
				jsonMapper.readerFor(CashierCreated.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
	}

	/**
	 * Write one event as a binary-mode CloudEvents record: a fresh id, the time now.
	 * @param event the event
	 * @return the record
	 */
	public ProducerRecord<String, byte[]> encode(CashierCreated event) {
		String key = event.tenantId().toString();
		long now = System.currentTimeMillis();
		byte[] value = this.writer.writeValueAsBytes(event);
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_id", bytes(UUID.randomUUID().toString()));
		headers.add("ce_source", this.source);
		headers.add("ce_specversion", SPEC_VERSION);
		headers.add("ce_type", this.type);
		headers.add("content-type", JSON);
		headers.add("ce_time", bytes(Instant.ofEpochMilli(now).toString()));
		headers.add("ce_partitionkey", bytes(key));
		return new ProducerRecord<>(this.topic, null, now, key, value, headers);
	}

	/**
	 * Read one record: find the type by its {@code ce_type} header and bind the value.
	 * @param headers the record headers
	 * @param value the record value
	 * @return the event, or {@code null} when the type is not one this decoder knows (skipped)
	 */
	public @Nullable Object decode(Headers headers, byte[] value) {
		Header type = headers.lastHeader("ce_type");
		if (type == null) {
			throw new IllegalArgumentException("Not a binary-mode CloudEvent: no ce_type header");
		}
		ObjectReader reader = this.readers.get(new String(type.value(), StandardCharsets.UTF_8));
		return (reader != null) ? reader.readValue(value) : null;
	}

	/**
	 * Bind JSON data to {@link CashierCreated}, as the SDK read path's second half.
	 * @param data the JSON
	 * @return the event
	 */
	public CashierCreated bind(byte[] data) {
		return this.readers.get(CashierCreated.class.getSimpleName()).readValue(data);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
