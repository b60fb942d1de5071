package io.momentum.kafka.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * PEM files for tests, generated once per JVM with the JDK's keytool (no key is committed): a CA
 * certificate, a client certificate with its PKCS#8 key (plain and encrypted), and a few broken
 * files.
 */
final class TestPki {

	static final String KEY_PASSWORD = "key\"pass\\word";

	private static TestPki instance;

	private static IllegalStateException failure;

	final Path dir;

	final Path caCertificate;

	final Path clientCertificate;

	final Path clientKey;

	final Path clientEncryptedKey;

	final Path clientPkcs1Key;

	final Path clientPbes2Key;

	final Path notPem;

	final Path empty;

	private TestPki(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
		this.dir = dir;
		Path keyStore = dir.resolve("test.p12");
		keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Test CA", "-ext", "bc:c", "-keyalg", "RSA",
				"-keysize", "2048", "-validity", "3650", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
				"-storepass", "changeit");
		keytool("-genkeypair", "-alias", "client", "-dname", "CN=client", "-keyalg", "RSA", "-keysize", "2048",
				"-validity", "3650", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass",
				"changeit");
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, "changeit".toCharArray());
		}
		this.caCertificate = write("ca.pem", pem("CERTIFICATE", store.getCertificate("ca").getEncoded()));
		Certificate client = store.getCertificate("client");
		this.clientCertificate = write("client.pem",
				"Bag Attributes: text that openssl writes\n" + pem("CERTIFICATE", client.getEncoded()));
		PrivateKey key = (PrivateKey) store.getKey("client", "changeit".toCharArray());
		this.clientKey = write("client.key", pem("PRIVATE KEY", key.getEncoded()));
		this.clientEncryptedKey = write("client-encrypted.key",
				pem("ENCRYPTED PRIVATE KEY", encryptPbes1(key.getEncoded(), KEY_PASSWORD)));
		this.clientPbes2Key = write("client-pbes2.key",
				pem("ENCRYPTED PRIVATE KEY", encryptPbes2(key.getEncoded(), KEY_PASSWORD)));
		this.clientPkcs1Key = write("client-pkcs1.key", pem("RSA PRIVATE KEY", key.getEncoded()));
		this.notPem = write("not-pem.txt", "this is not a certificate\n");
		this.empty = write("empty.pem", "");
	}

	static synchronized TestPki get() {
		if (failure != null) {
			throw failure;
		}
		if (instance == null) {
			try {
				Path dir = Files.createTempDirectory("momentum-kafka-pki");
				dir.toFile().deleteOnExit();
				instance = new TestPki(dir);
			}
			catch (IOException | GeneralSecurityException | InterruptedException ex) {
				failure = new IllegalStateException("Could not generate test certificates", ex);
				throw failure;
			}
		}
		return instance;
	}

	String path(Path file) {
		return file.toString();
	}

	private Path write(String name, String content) {
		try {
			Path file = this.dir.resolve(name);
			Files.writeString(file, content, StandardCharsets.US_ASCII);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String pem(String label, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
	}

	/** PBE with SHA-1 and 3DES (PKCS#12 PBES1), which Kafka can decrypt on Java 17. */
	private static byte[] encryptPbes1(byte[] pkcs8, String password) throws GeneralSecurityException, IOException {
		String algorithm = "PBEWithSHA1AndDESede";
		Cipher cipher = Cipher.getInstance(algorithm);
		cipher.init(Cipher.ENCRYPT_MODE,
				SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
				new PBEParameterSpec(salt(), 10_000));
		return new EncryptedPrivateKeyInfo(cipher.getParameters(), cipher.doFinal(pkcs8)).getEncoded();
	}

	/** PBES2 with AES-256, openssl's default, which Kafka cannot decrypt on Java 17. */
	private static byte[] encryptPbes2(byte[] pkcs8, String password) throws GeneralSecurityException, IOException {
		String algorithm = "PBEWithHmacSHA256AndAES_256";
		Cipher cipher = Cipher.getInstance(algorithm);
		cipher.init(Cipher.ENCRYPT_MODE,
				SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray())),
				new PBEParameterSpec(salt(), 10_000, new IvParameterSpec(salt())));
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("PBES2");
		parameters.init(cipher.getParameters().getEncoded());
		return new EncryptedPrivateKeyInfo(parameters, cipher.doFinal(pkcs8)).getEncoded();
	}

	private static byte[] salt() {
		byte[] salt = new byte[16];
		new SecureRandom().nextBytes(salt);
		return salt;
	}

	private static void keytool(String... args) throws IOException, InterruptedException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

}
