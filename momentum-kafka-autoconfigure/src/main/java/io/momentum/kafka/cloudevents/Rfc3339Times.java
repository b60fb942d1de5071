package io.momentum.kafka.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Parses the usual shape of a CloudEvents {@code time} without {@link java.time.format.DateTimeFormatter}:
 * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z} or {@code ±HH:MM}. For every
 * text it parses, the result equals {@link OffsetDateTime#parse(CharSequence)}'s (which is what the CloudEvents
 * SDK uses); for every other text, including valid ISO-8601 shapes it does not handle (lower-case {@code t} or
 * {@code z}, offsets with seconds), it returns {@code null} and the caller parses it the SDK's way.
 */
final class Rfc3339Times {

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
			1_000_000_000 };

	/** What {@link #read(byte[], boolean)} returns for a valid text when it does not make the time. */
	private static final OffsetDateTime VALID = OffsetDateTime.MIN;

	private Rfc3339Times() {
	}

	/**
	 * Parse a time of the usual shape.
	 * @param text the text
	 * @return the time, or {@code null} when the text does not have the usual shape or is not a valid time
	 */
	static @Nullable OffsetDateTime parse(String text) {
		// every character of the usual shape is ASCII; any other becomes '?', which no shape accepts
		return parse(text.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Parse a time of the usual shape from its UTF-8 bytes, as a {@code ce_time} header carries it.
	 * @param text the bytes of the text
	 * @return the time, or {@code null} when the text does not have the usual shape or is not a valid time
	 */
	static @Nullable OffsetDateTime parse(byte[] text) {
		return read(text, true);
	}

	/**
	 * Whether {@link #parse(byte[])} parses a text, without making the time.
	 * @param text the bytes of the text
	 * @return {@code true} when the text has the usual shape and is a valid time
	 */
	static boolean isValid(byte[] text) {
		return read(text, false) != null;
	}

	/**
	 * Read a time of the usual shape.
	 * @param text the bytes of the text
	 * @param make whether to make the time, or only check the text ({@link #VALID} stands for a valid time)
	 * @return the time, {@link #VALID}, or {@code null} when the text does not have the usual shape or is not a valid
	 * time
	 */
	private static @Nullable OffsetDateTime read(byte[] text, boolean make) {
		int length = text.length;
		if (length < 20 || at(text, 4) != '-' || at(text, 7) != '-' || at(text, 10) != 'T'
				|| at(text, 13) != ':' || at(text, 16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = digits(text, 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int index = 19;
		int nanos = 0;
		if (at(text, index) == '.') {
			int start = ++index;
			while (index < length && index - start < 10 && isDigit(at(text, index))) {
				index++;
			}
			int count = index - start;
			if (count < 1 || count > 9) {
				return null;
			}
			nanos = digits(text, start, count) * POWERS[9 - count];
		}
		ZoneOffset offset;
		if (index == length - 1 && at(text, index) == 'Z') {
			offset = ZoneOffset.UTC;
		}
		else if (index == length - 6 && (at(text, index) == '+' || at(text, index) == '-')
				&& at(text, index + 3) == ':') {
			int offsetHours = digits(text, index + 1, 2);
			int offsetMinutes = digits(text, index + 4, 2);
			if ((offsetHours | offsetMinutes) < 0 || offsetMinutes > 59) {
				return null;
			}
			int seconds = offsetHours * 3600 + offsetMinutes * 60;
			try {
				offset = ZoneOffset.ofTotalSeconds((at(text, index) == '-') ? -seconds : seconds);
			}
			catch (DateTimeException ex) {
				return null;
			}
		}
		else {
			return null;
		}
		if (!make) {
			// the checks OffsetDateTime.of makes on these fields (a 4-digit year is always in range)
			boolean valid = month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).length(Year.isLeap(year))
					&& hour <= 23 && minute <= 59 && second <= 59;
			return valid ? VALID : null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static char at(byte[] text, int index) {
		// bytes of non-ASCII characters are negative: they become characters that are neither digits nor separators
		return (char) (text[index] & 0xFF);
	}

	private static int digits(byte[] text, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = at(text, i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
