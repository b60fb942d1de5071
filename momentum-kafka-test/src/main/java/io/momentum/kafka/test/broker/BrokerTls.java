package io.momentum.kafka.test.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * TLS material for a broker's {@link BrokerListener#SSL SSL} and {@link BrokerListener#SASL_SSL SASL_SSL}
 * listeners. {@link TestCertificates} creates one; any keystore the caller has works too.
 *
 * @param keystore the broker's keystore: its private key and certificate chain
 * @param keystoreType {@code PEM} (an unencrypted PKCS#8 key and the chain in one file, no password) or
 * {@code PKCS12} / {@code JKS}
 * @param keystorePassword the keystore password, {@code null} for a PEM keystore
 * @param truststore a PEM file of the CAs whose client certificates the broker trusts, {@code null} when
 * clients do not present certificates
 * @param clientAuthRequired whether clients must present a certificate (mutual TLS); needs a truststore
 */
public record BrokerTls(Path keystore, String keystoreType, @Nullable String keystorePassword,
		@Nullable Path truststore, boolean clientAuthRequired) {

	public BrokerTls {
		if (!Files.isReadable(keystore)) {
			throw new IllegalArgumentException("Broker keystore " + keystore + " is not a readable file");
		}
		keystoreType = keystoreType.toUpperCase(Locale.ROOT);
		if (!keystoreType.equals("PEM") && keystorePassword == null) {
			throw new IllegalArgumentException(
					"A " + keystoreType + " broker keystore needs a password; only a PEM keystore has none");
		}
		if (clientAuthRequired && truststore == null) {
			throw new IllegalArgumentException(
					"Mutual TLS (clientAuthRequired) needs a truststore with the CA of the client certificates");
		}
		if (truststore != null && !Files.isReadable(truststore)) {
			throw new IllegalArgumentException("Broker truststore " + truststore + " is not a readable file");
		}
	}

	/**
	 * TLS with a PEM keystore, clients not authenticated by certificate.
	 * @param pemKeystore the broker's unencrypted PKCS#8 key followed by its certificate chain
	 * @return the TLS material
	 */
	public static BrokerTls pem(Path pemKeystore) {
		return new BrokerTls(pemKeystore, "PEM", null, null, false);
	}

	/**
	 * The same material, with mutual TLS: clients must present a certificate signed by a CA in the truststore.
	 * @param pemTruststore the PEM file of the trusted client CAs
	 * @return the TLS material for mutual TLS
	 */
	public BrokerTls withClientAuth(Path pemTruststore) {
		return new BrokerTls(this.keystore, this.keystoreType, this.keystorePassword, pemTruststore, true);
	}

	Map<String, String> listenerProperties(BrokerListener listener) {
		String prefix = listener.configPrefix();
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(prefix + "ssl.keystore.type", this.keystoreType);
		properties.put(prefix + "ssl.keystore.location", this.keystore.toAbsolutePath().toString());
		if (this.keystorePassword != null) {
			properties.put(prefix + "ssl.keystore.password", this.keystorePassword);
		}
		if (this.truststore != null) {
			properties.put(prefix + "ssl.truststore.type", "PEM");
			properties.put(prefix + "ssl.truststore.location", this.truststore.toAbsolutePath().toString());
		}
		properties.put(prefix + "ssl.client.auth", this.clientAuthRequired ? "required" : "none");
		return properties;
	}

}
