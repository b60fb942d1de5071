package io.momentum.kafka.cloudevents;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Canonical CloudEvents header names for the SDK's Kafka binding, which only reads lower-case
 * {@code ce_} attribute headers and a lower-case {@code content-type} header. Producers that
 * follow the seed write {@code ce-} headers; others write {@code Content-Type}: both are renamed.
 * A header that is already present under its canonical name wins over a renamed duplicate.
 */
final class CloudEventHeaderNames {

	private static final String CONTENT_TYPE = "content-type";

	private static final String PREFIX = "ce_";

	private CloudEventHeaderNames() {
	}

	/**
	 * The headers with CloudEvents names made canonical.
	 * @param headers the record headers, not modified
	 * @return {@code headers} itself when every name is canonical, else a renamed copy
	 */
	static Headers normalize(Headers headers) {
		if (!needsRenaming(headers)) {
			return headers;
		}
		Set<String> canonical = new HashSet<>();
		for (Header header : headers) {
			if (isCanonical(header.key())) {
				canonical.add(header.key());
			}
		}
		RecordHeaders normalized = new RecordHeaders();
		for (Header header : headers) {
			String name = canonicalName(header.key());
			if (name.equals(header.key())) {
				normalized.add(header);
			}
			else if (!canonical.contains(name)) {
				normalized.add(name, header.value());
			}
		}
		return normalized;
	}

	private static boolean needsRenaming(Headers headers) {
		for (Header header : headers) {
			if (!isCanonical(header.key())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a header name is already canonical ({@link #canonicalName(String)} leaves it as it is), without
	 * building a new string.
	 * @param name the header name
	 * @return {@code true} when the name needs no renaming
	 */
	static boolean isCanonical(String name) {
		int length = name.length();
		if (length > 3 && (name.charAt(2) == '_' || name.charAt(2) == '-')
				&& (name.charAt(0) == 'c' || name.charAt(0) == 'C') && (name.charAt(1) == 'e' || name.charAt(1) == 'E')) {
			return name.charAt(0) == 'c' && name.charAt(1) == 'e' && name.charAt(2) == '_' && isLowerCase(name);
		}
		return length != CONTENT_TYPE.length() || !name.equalsIgnoreCase(CONTENT_TYPE) || name.equals(CONTENT_TYPE);
	}

	static String canonicalName(String name) {
		if (name.length() > 3 && name.regionMatches(true, 0, "ce", 0, 2)
				&& (name.charAt(2) == '_' || name.charAt(2) == '-')) {
			if (name.startsWith(PREFIX) && isLowerCase(name)) {
				return name;
			}
			return PREFIX + name.substring(3).toLowerCase(Locale.ROOT);
		}
		if (name.length() == CONTENT_TYPE.length() && name.equalsIgnoreCase(CONTENT_TYPE)) {
			return CONTENT_TYPE;
		}
		return name;
	}

	/**
	 * Whether a canonical header name is read by the binding: a {@code ce_} attribute or
	 * {@code content-type}.
	 * @param canonicalName a name returned by {@link #canonicalName(String)}
	 * @return {@code true} for a CloudEvents header
	 */
	static boolean isCloudEventsHeader(String canonicalName) {
		return canonicalName.startsWith(PREFIX) || canonicalName.equals(CONTENT_TYPE);
	}

	private static boolean isLowerCase(String name) {
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				return false;
			}
		}
		return true;
	}

}
