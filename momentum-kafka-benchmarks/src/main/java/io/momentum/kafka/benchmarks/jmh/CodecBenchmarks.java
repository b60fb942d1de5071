package io.momentum.kafka.benchmarks.jmh;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.momentum.kafka.benchmarks.HandWrittenCloudEvents;
import io.momentum.kafka.benchmarks.events.CashierCreated;
import io.momentum.kafka.benchmarks.events.SampleEvents;
import io.momentum.kafka.cloudevents.BinaryModeCloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventDataBinder;
import io.momentum.kafka.cloudevents.CloudEventMode;
import io.momentum.kafka.cloudevents.CloudEventReader;
import io.momentum.kafka.cloudevents.CloudEventRecord;
import io.momentum.kafka.cloudevents.CloudEventRecordFactory;
import io.momentum.kafka.cloudevents.CloudEventTypeMatcher;
import io.momentum.kafka.cloudevents.JacksonEventDataSerializer;
import io.momentum.kafka.cloudevents.SdkCloudEventReader;
import io.momentum.kafka.topic.EventDescriptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our encoding and decoding of the seed's {@code CashierCreated} against plain Jackson with hand-built headers.
 * Decoding reads the records our publisher writes; it ends with the bound event, as a handler receives it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 8, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CodecBenchmarks {

	private CashierCreated event;

	private EventDescriptor descriptor;

	private HandWrittenCloudEvents handWritten;

	private CloudEventRecordFactory binary;

	private CloudEventRecordFactory structured;

	private CloudEventReader reader;

	private CloudEventReader sdkReader;

	private CloudEventTypeMatcher<Class<?>> matcher;

	private CloudEventDataBinder binder;

	private CloudEventDeserializer sdkDeserializer;

	private Headers binaryHeaders;

	private byte[] binaryValue;

	private Headers structuredHeaders;

	private byte[] structuredValue;

	@Setup
	public void setUp() {
		JsonMapper jsonMapper = JsonMapper.builder().build();
		this.event = SampleEvents.cashierCreated(7);
		this.descriptor = Fixtures.catalog().require(CashierCreated.class);
		this.handWritten = new HandWrittenCloudEvents(jsonMapper, this.descriptor.topic(), Fixtures.SOURCE);
		JacksonEventDataSerializer serializer = new JacksonEventDataSerializer(jsonMapper);
		this.binary = new CloudEventRecordFactory(CloudEventMode.BINARY, URI.create(Fixtures.SOURCE), serializer);
		this.structured = new CloudEventRecordFactory(CloudEventMode.STRUCTURED, URI.create(Fixtures.SOURCE),
				serializer);
		this.reader = new BinaryModeCloudEventReader();
		this.sdkReader = new SdkCloudEventReader();
		this.matcher = CloudEventTypeMatcher.<Class<?>>builder()
			.add(this.descriptor.cloudEventType(), CashierCreated.class, CashierCreated.class)
			.build();
		this.binder = new CloudEventDataBinder(jsonMapper);
		this.sdkDeserializer = new CloudEventDeserializer();
		ProducerRecord<String, byte[]> binaryRecord = this.binary.create(this.descriptor, this.event, Map.of()).record();
		this.binaryHeaders = new RecordHeaders(binaryRecord.headers().toArray());
		this.binaryValue = binaryRecord.value();
		ProducerRecord<String, byte[]> structuredRecord = this.structured.create(this.descriptor, this.event, Map.of())
			.record();
		this.structuredHeaders = new RecordHeaders(structuredRecord.headers().toArray());
		this.structuredValue = structuredRecord.value();
	}

	@Benchmark
	public ProducerRecord<String, byte[]> encodeHandWritten() {
		return this.handWritten.encode(this.event);
	}

	@Benchmark
	public CloudEventRecord encodeOursBinary() {
		return this.binary.create(this.descriptor, this.event, Map.of());
	}

	@Benchmark
	public CloudEventRecord encodeOursStructured() {
		return this.structured.create(this.descriptor, this.event, Map.of());
	}

	@Benchmark
	public Object decodeHandWritten() {
		return this.handWritten.decode(this.binaryHeaders, this.binaryValue);
	}

	@Benchmark
	public Object decodeOursBinary() {
		return decodeOurs(this.reader, this.binaryHeaders, this.binaryValue);
	}

	@Benchmark
	public Object decodeOursStructured() {
		return decodeOurs(this.reader, this.structuredHeaders, this.structuredValue);
	}

	/**
	 * Before the binary-mode fast path: our decoding with the SDK reader alone.
	 */
	@Benchmark
	public Object decodeOursBinarySdkReader() {
		return decodeOurs(this.sdkReader, this.binaryHeaders, this.binaryValue);
	}

	@Benchmark
	public Object decodeSdkDeserializer() {
		CloudEvent cloudEvent = this.sdkDeserializer.deserialize(this.descriptor.topic(), this.binaryHeaders,
				this.binaryValue);
		return this.handWritten.bind(cloudEvent.getData().toBytes());
	}

	/**
	 * What our listener does with a record before it calls the handler: read the CloudEvent, find the event type,
	 * bind the data.
	 */
	private Object decodeOurs(CloudEventReader reader, Headers headers, byte[] value) {
		CloudEvent cloudEvent = reader.read(headers, value);
		Class<?> type = this.matcher.match(cloudEvent.getType());
		if (type == null) {
			throw new IllegalStateException("No match for " + cloudEvent.getType());
		}
		return this.binder.bind(cloudEvent, type);
	}

}
