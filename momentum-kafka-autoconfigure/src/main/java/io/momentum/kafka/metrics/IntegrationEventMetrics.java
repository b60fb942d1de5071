package io.momentum.kafka.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * Counts produced and consumed integration events ({@value KafkaMeterNames#MESSAGES_PRODUCED},
 * {@value KafkaMeterNames#MESSAGES_CONSUMED}). Counters are created once per tag combination and
 * cached, so counting costs a map look-up. The publisher calls {@link #produced} when the broker
 * answered a send; the consumer calls {@link #consumed} once per outcome.
 * <p>
 * The {@code type} tag of consumed events comes from the record, so a topic carrying many foreign
 * event types could create many series: past {@value #MAX_TYPES} distinct types, further types
 * are counted as {@value #OTHER_TYPE} (logged once).
 */
public class IntegrationEventMetrics {

	/** Most distinct values of the {@code type} tag; further types count as {@value #OTHER_TYPE}. */
	public static final int MAX_TYPES = 200;

	/** The {@code type} tag value of types past {@value #MAX_TYPES}. */
	public static final String OTHER_TYPE = "other";

	private static final Log logger = LogFactory.getLog(IntegrationEventMetrics.class);

	private final MeterRegistry registry;

	private final Map<Produced, Counter> produced = new ConcurrentHashMap<>();

	private final Map<Consumed, Counter> consumed = new ConcurrentHashMap<>();

	private final Set<String> types = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean typeLimitLogged = new AtomicBoolean();

	/**
	 * Create an instance registering its counters in the given registry.
	 * @param registry the meter registry
	 */
	public IntegrationEventMetrics(MeterRegistry registry) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
	}

	/**
	 * Count one published event.
	 * @param topic the topic
	 * @param type the CloudEvents type
	 * @param outcome whether the broker acknowledged it
	 */
	public void produced(String topic, String type, ProduceOutcome outcome) {
		Produced key = new Produced(topic, boundedType(type), outcome);
		this.produced.computeIfAbsent(key, this::producedCounter).increment();
	}

	/**
	 * Count one outcome of handling an event.
	 * @param topic the topic
	 * @param type the CloudEvents type read from the record
	 * @param group the consumer group id
	 * @param outcome what happened to the record
	 */
	public void consumed(String topic, String type, String group, ConsumeOutcome outcome) {
		Consumed key = new Consumed(topic, boundedType(type), group, outcome);
		this.consumed.computeIfAbsent(key, this::consumedCounter).increment();
	}

	private String boundedType(String type) {
		if (this.types.contains(type)) {
			return type;
		}
		synchronized (this.types) {
			if (this.types.size() < MAX_TYPES) {
				this.types.add(type);
				return type;
			}
		}
		if (this.typeLimitLogged.compareAndSet(false, true)) {
			logger.warn("More than " + MAX_TYPES + " distinct event types seen: further types are counted with"
					+ " type=\"" + OTHER_TYPE + "\" to keep the number of series bounded");
		}
		return OTHER_TYPE;
	}

	private Counter producedCounter(Produced key) {
		return Counter.builder(KafkaMeterNames.MESSAGES_PRODUCED)
			.description("Integration events published, by broker acknowledgement")
			.tag(KafkaMeterNames.TOPIC, key.topic())
			.tag(KafkaMeterNames.TYPE, key.type())
			.tag(KafkaMeterNames.OUTCOME, key.outcome().tagValue())
			.register(this.registry);
	}

	private Counter consumedCounter(Consumed key) {
		return Counter.builder(KafkaMeterNames.MESSAGES_CONSUMED)
			.description("Integration events handled, by outcome")
			.tag(KafkaMeterNames.TOPIC, key.topic())
			.tag(KafkaMeterNames.TYPE, key.type())
			.tag(KafkaMeterNames.GROUP, key.group())
			.tag(KafkaMeterNames.OUTCOME, key.outcome().tagValue())
			.register(this.registry);
	}

	private record Produced(String topic, String type, ProduceOutcome outcome) {
	}

	private record Consumed(String topic, String type, String group, ConsumeOutcome outcome) {
	}

}
