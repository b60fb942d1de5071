package io.momentum.kafka.autoconfigure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Reads and checks the PEM files named by {@code Kafka.Ssl*Location} so that a wrong path or
 * format fails at startup with the key's name, not at the first connection. Messages name the
 * file, never its content or a password.
 */
final class PemFiles {

	static final String CERTIFICATE = "CERTIFICATE";

	static final String PRIVATE_KEY = "PRIVATE KEY";

	static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";

	private static final Pattern BLOCK = Pattern
		.compile("-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

	private static final Pattern LABEL = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

	private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "DSA");

	private PemFiles() {
	}

	/**
	 * Read a PEM file of one or more X.509 certificates.
	 * @param key the configuration key that names the file
	 * @param location the file's path
	 * @param action how to fix a bad file
	 * @return the certificates as PEM text, without anything else the file held
	 */
	static String readCertificates(String key, String location, String action) {
		String content = read(key, location, action);
		List<String> blocks = blocks(content, CERTIFICATE);
		if (blocks.isEmpty()) {
			throw new InvalidKafkaConfigurationException(key,
					"file '" + location + "' is not a PEM certificate file (no '-----BEGIN CERTIFICATE-----' block)",
					action);
		}
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (String block : blocks) {
				factory.generateCertificate(new ByteArrayInputStream(decode(block)));
			}
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new InvalidKafkaConfigurationException(key,
					"file '" + location + "' holds a certificate that cannot be read (" + ex.getMessage() + ")",
					action, ex);
		}
		return pem(CERTIFICATE, blocks);
	}

	/**
	 * Read a PEM file holding one PKCS#8 private key, encrypted or not, and check that it can be
	 * read with the given password.
	 * @param key the configuration key that names the file
	 * @param location the file's path
	 * @param passwordKey the configuration key of the password
	 * @param password the password of an encrypted key, or {@code null}
	 * @param action how to fix a bad file
	 * @return the key as PEM text
	 */
	static String readPrivateKey(String key, String location, String passwordKey, @Nullable String password,
			String action) {
		String content = read(key, location, action);
		List<String> plain = blocks(content, PRIVATE_KEY);
		List<String> encrypted = blocks(content, ENCRYPTED_PRIVATE_KEY);
		if (plain.size() + encrypted.size() != 1) {
			Matcher label = LABEL.matcher(content);
			while (label.find()) {
				String name = label.group(1);
				if (name.endsWith(PRIVATE_KEY) && !name.equals(PRIVATE_KEY) && !name.equals(ENCRYPTED_PRIVATE_KEY)) {
					throw new InvalidKafkaConfigurationException(key, "file '" + location + "' holds a '" + name
							+ "' (PKCS#1 or SEC1), which Kafka cannot read",
							"Convert it to PKCS#8, for example with 'openssl pkcs8 -topk8 -nocrypt -in "
									+ "key.pem -out key-pkcs8.pem' (or without -nocrypt, and set the password "
									+ "in " + passwordKey + ")");
				}
			}
			String problem = (plain.isEmpty() && encrypted.isEmpty())
					? "is not a PEM private key file (no '-----BEGIN PRIVATE KEY-----' or "
							+ "'-----BEGIN ENCRYPTED PRIVATE KEY-----' block)"
					: "holds more than one private key";
			throw new InvalidKafkaConfigurationException(key, "file '" + location + "' " + problem, action);
		}
		if (!plain.isEmpty()) {
			if (password != null) {
				throw new InvalidKafkaConfigurationException(passwordKey,
						"it is set but the key in '" + location + "' (" + key + ") is not encrypted",
						"Remove " + passwordKey + ", or use an encrypted key ('-----BEGIN ENCRYPTED PRIVATE KEY-----')");
			}
			checkPlainKey(key, location, decodeKey(key, location, plain.get(0), action), action);
			return pem(PRIVATE_KEY, plain);
		}
		if (password == null) {
			throw new InvalidKafkaConfigurationException(passwordKey,
					"it is not set but the key in '" + location + "' (" + key + ") is encrypted",
					"Set " + passwordKey + " to the key's password");
		}
		checkEncryptedKey(key, location, passwordKey, decodeKey(key, location, encrypted.get(0), action), password);
		return pem(ENCRYPTED_PRIVATE_KEY, encrypted);
	}

	private static void checkPlainKey(String key, String location, byte[] der, String action) {
		PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
		for (String algorithm : KEY_ALGORITHMS) {
			try {
				KeyFactory.getInstance(algorithm).generatePrivate(spec);
				return;
			}
			catch (GeneralSecurityException ex) {
				// try the next algorithm
			}
		}
		throw new InvalidKafkaConfigurationException(key,
				"file '" + location + "' holds a private key that cannot be read as RSA, EC, EdDSA or DSA", action);
	}

	/**
	 * Decrypts the way Kafka's PEM key store does, so that a key Kafka cannot open fails here.
	 */
	private static void checkEncryptedKey(String key, String location, String passwordKey, byte[] der,
			String password) {
		EncryptedPrivateKeyInfo info;
		try {
			info = new EncryptedPrivateKeyInfo(der);
		}
		catch (IOException ex) {
			throw new InvalidKafkaConfigurationException(key,
					"file '" + location + "' holds an encrypted private key that cannot be read",
					"Check that the file is an encrypted PKCS#8 key", ex);
		}
		String algorithm = info.getAlgName();
		SecretKeyFactory keyFactory;
		Cipher cipher;
		try {
			keyFactory = SecretKeyFactory.getInstance(algorithm);
			cipher = Cipher.getInstance(algorithm);
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidKafkaConfigurationException(key, "file '" + location + "' holds a key encrypted with "
					+ algorithm + ", which Kafka's PEM reader cannot decrypt on this JVM",
					"Re-encrypt the key with a PBES1 algorithm, for example 'openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES "
							+ "-in key.pem -out key-encrypted.pem', or use an unencrypted PKCS#8 key without "
							+ passwordKey);
		}
		try {
			cipher.init(Cipher.DECRYPT_MODE, keyFactory.generateSecret(new PBEKeySpec(password.toCharArray())),
					info.getAlgParameters());
			info.getKeySpec(cipher);
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidKafkaConfigurationException(passwordKey,
					"it does not decrypt the private key in '" + location + "' (" + key + ")",
					"Set " + passwordKey + " to the password the key was encrypted with");
		}
	}

	private static String read(String key, String location, String action) {
		Path path;
		try {
			path = Path.of(location);
		}
		catch (InvalidPathException ex) {
			throw new InvalidKafkaConfigurationException(key, "'" + location + "' is not a valid file path", action);
		}
		if (!Files.exists(path)) {
			throw new InvalidKafkaConfigurationException(key, "file '" + location + "' does not exist", action);
		}
		if (!Files.isRegularFile(path)) {
			throw new InvalidKafkaConfigurationException(key, "'" + location + "' is not a file", action);
		}
		if (!Files.isReadable(path)) {
			throw new InvalidKafkaConfigurationException(key, "file '" + location + "' is not readable", action);
		}
		try {
			return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new InvalidKafkaConfigurationException(key,
					"file '" + location + "' cannot be read (" + ex.getMessage() + ")", action, ex);
		}
	}

	private static List<String> blocks(String content, String label) {
		List<String> blocks = new ArrayList<>();
		Matcher matcher = BLOCK.matcher(content);
		while (matcher.find()) {
			if (matcher.group(1).equals(label)) {
				blocks.add(matcher.group(2).replaceAll("\\s", ""));
			}
		}
		return blocks;
	}

	private static byte[] decodeKey(String key, String location, String base64, String action) {
		try {
			return decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidKafkaConfigurationException(key,
					"file '" + location + "' holds a private key block that is not valid Base64", action);
		}
	}

	private static byte[] decode(String base64) {
		return Base64.getDecoder().decode(base64);
	}

	private static String pem(String label, List<String> blocks) {
		StringBuilder pem = new StringBuilder();
		for (String block : blocks) {
			pem.append("-----BEGIN ").append(label).append("-----\n");
			for (int i = 0; i < block.length(); i += 64) {
				pem.append(block, i, Math.min(block.length(), i + 64)).append('\n');
			}
			pem.append("-----END ").append(label).append("-----\n");
		}
		return pem.toString();
	}

}
