package io.momentum.kafka.test.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority with a broker and a client certificate, made with the JDK's {@code keytool}
 * (about one second per call, so generate once per test class), written as the PEM files Kafka clients and
 * Momentum's {@code Kafka.Ssl*} keys use.
 * <p>
 * Files in the directory: {@code ca.pem} (the CA certificate, for {@code Kafka.SslCaLocation} or
 * {@code ssl.truststore.location} with {@code ssl.truststore.type=PEM}); {@code broker.pem} (the broker's
 * unencrypted PKCS#8 key and certificate chain: a PEM keystore, see {@link #brokerTls()});
 * {@code client-key.pem} and {@code client-cert.pem} (the client's PKCS#8 key and chain, for
 * {@code Kafka.SslKeyLocation} and {@code Kafka.SslCertificateLocation}) and {@code client.pem} (both in one file,
 * for {@code ssl.keystore.type=PEM}).
 *
 * <pre class="code">
 * TestCertificates certificates = TestCertificates.generate(tempDir);                     // localhost and 127.0.0.1
 * TestCertificates wrongHost = TestCertificates.generate(tempDir2, "dns:other.example");  // host-name mismatch
 * KafkaBrokerProcess broker = KafkaBrokerProcess.builder().tls(certificates.brokerTls()).build();
 * </pre>
 *
 * @param directory where the files are
 */
public record TestCertificates(Path directory) {

	/** The subject alternative names of a broker certificate that matches a broker on loopback. */
	public static final List<String> LOOPBACK_NAMES = List.of("dns:localhost", "ip:127.0.0.1");

	private static final String STORE_PASSWORD = "momentum-test";

	/**
	 * Generates a CA, a broker certificate for {@link #LOOPBACK_NAMES} and a client certificate.
	 * @param directory an existing directory for the files
	 * @return the certificates
	 */
	public static TestCertificates generate(Path directory) {
		return generate(directory, LOOPBACK_NAMES.toArray(String[]::new));
	}

	/**
	 * Generates a CA, a broker certificate for the given subject alternative names and a client certificate.
	 * @param directory an existing directory for the files
	 * @param brokerNames the broker certificate's subject alternative names in keytool form ({@code dns:host},
	 * {@code ip:address}); a name other than the broker's advertised host makes a host-name mismatch
	 * @return the certificates
	 */
	public static TestCertificates generate(Path directory, String... brokerNames) {
		if (brokerNames.length == 0) {
			throw new IllegalArgumentException("A broker certificate needs at least one subject alternative name");
		}
		TestCertificates certificates = new TestCertificates(directory);
		certificates.keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Momentum Test CA", "-keyalg", "RSA",
				"-keysize", "2048", "-validity", "3650", "-ext", "bc:c", "-ext", "KeyUsage=keyCertSign,cRLSign",
				"-storetype", "PKCS12", "-keystore", "ca.p12", "-storepass", STORE_PASSWORD);
		certificates.writePem("ca.pem", certificates.certificate("ca.p12", "ca"));
		try {
			CompletableFuture<Void> broker = CompletableFuture.runAsync(
					() -> certificates.issue("broker", "CN=localhost", String.join(",", brokerNames), "serverAuth,clientAuth"));
			CompletableFuture<Void> client = CompletableFuture
				.runAsync(() -> certificates.issue("client", "CN=momentum-test-client", "dns:momentum-test-client",
						"clientAuth"));
			CompletableFuture.allOf(broker, client).join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
		}
		return certificates;
	}

	/**
	 * The CA certificate as PEM.
	 * @return {@code ca.pem}
	 */
	public Path caPem() {
		return this.directory.resolve("ca.pem");
	}

	/**
	 * The broker's key and certificate chain as a PEM keystore.
	 * @return {@code broker.pem}
	 */
	public Path brokerKeystorePem() {
		return this.directory.resolve("broker.pem");
	}

	/**
	 * The client's unencrypted PKCS#8 private key.
	 * @return {@code client-key.pem}
	 */
	public Path clientKeyPem() {
		return this.directory.resolve("client-key.pem");
	}

	/**
	 * The client's certificate chain (client certificate, then the CA).
	 * @return {@code client-cert.pem}
	 */
	public Path clientCertificatePem() {
		return this.directory.resolve("client-cert.pem");
	}

	/**
	 * The client's key and chain in one file, for {@code ssl.keystore.type=PEM}.
	 * @return {@code client.pem}
	 */
	public Path clientKeystorePem() {
		return this.directory.resolve("client.pem");
	}

	/**
	 * TLS for a {@link KafkaBrokerProcess}: the broker PEM keystore, clients not asked for certificates.
	 * @return the broker TLS material
	 */
	public BrokerTls brokerTls() {
		return BrokerTls.pem(brokerKeystorePem());
	}

	/**
	 * Mutual TLS for a {@link KafkaBrokerProcess}: clients must present a certificate signed by this CA, such as
	 * {@link #clientKeystorePem()}.
	 * @return the broker TLS material
	 */
	public BrokerTls brokerTlsWithClientAuth() {
		return brokerTls().withClientAuth(caPem());
	}

	private void issue(String alias, String distinguishedName, String names, String extendedKeyUsage) {
		String store = alias + ".p12";
		keytool("-genkeypair", "-alias", alias, "-dname", distinguishedName, "-keyalg", "RSA", "-keysize", "2048",
				"-validity", "3650", "-storetype", "PKCS12", "-keystore", store, "-storepass", STORE_PASSWORD);
		keytool("-certreq", "-alias", alias, "-keystore", store, "-storepass", STORE_PASSWORD, "-file", alias + ".csr");
		keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", STORE_PASSWORD, "-infile",
				alias + ".csr", "-outfile", alias + ".crt", "-rfc", "-validity", "3650", "-ext", "SAN=" + names, "-ext",
				"ExtendedKeyUsage=" + extendedKeyUsage, "-ext", "KeyUsage=digitalSignature,keyEncipherment");
		try {
			String key = pem("PRIVATE KEY", privateKey(store, alias).getEncoded());
			String chain = Files.readString(this.directory.resolve(alias + ".crt")).strip() + "\n"
					+ Files.readString(caPem());
			if (alias.equals("broker")) {
				Files.writeString(brokerKeystorePem(), key + chain);
			}
			else {
				Files.writeString(clientKeyPem(), key);
				Files.writeString(clientCertificatePem(), chain);
				Files.writeString(clientKeystorePem(), key + chain);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void keytool(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		command.add("-noprompt");
		try {
			Process process = new ProcessBuilder(command).directory(this.directory.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("keytool " + arguments[0] + " failed in " + this.directory + ": " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run keytool", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running keytool", ex);
		}
	}

	private KeyStore load(String store) {
		try (InputStream in = Files.newInputStream(this.directory.resolve(store))) {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, STORE_PASSWORD.toCharArray());
			return keyStore;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read " + store, ex);
		}
	}

	private Certificate certificate(String store, String alias) {
		try {
			return load(store).getCertificate(alias);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read certificate " + alias, ex);
		}
	}

	private Key privateKey(String store, String alias) {
		try {
			// PKCS#8 is what getEncoded() returns for an RSA private key, and what Kafka's PEM keystore reads.
			return load(store).getKey(alias, STORE_PASSWORD.toCharArray());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the private key " + alias, ex);
		}
	}

	private void writePem(String file, Certificate certificate) {
		try {
			Files.writeString(this.directory.resolve(file), pem("CERTIFICATE", certificate.getEncoded()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encode certificate", ex);
		}
	}

	private static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

}
