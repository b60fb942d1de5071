package io.momentum.kafka.test.broker;

/**
 * A client listener of a {@link KafkaBrokerProcess}. The listener name on the broker equals the security protocol,
 * so per-listener broker settings are {@code listener.name.<lower-case name>.*}.
 */
public enum BrokerListener {

	/** Always present; also the inter-broker listener. */
	PLAINTEXT,

	/** Present when the broker has SASL users. */
	SASL_PLAINTEXT,

	/** Present when the broker has TLS material. */
	SSL,

	/** Present when the broker has both SASL users and TLS material. */
	SASL_SSL;

	/**
	 * The client's {@code security.protocol} for this listener.
	 * @return the security protocol name
	 */
	public String securityProtocol() {
		return name();
	}

	boolean usesSasl() {
		return this == SASL_PLAINTEXT || this == SASL_SSL;
	}

	boolean usesTls() {
		return this == SSL || this == SASL_SSL;
	}

	String configPrefix() {
		return "listener.name." + name().toLowerCase(java.util.Locale.ROOT) + ".";
	}

}
