package io.momentum.kafka.test.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A broker's log file, appended to by every start: what the latest start wrote is searched and quoted in errors.
 */
final class BrokerLog {

	private static final int TAIL_BYTES = 64 * 1024;

	private final Path file;

	/** Where the output of the latest start begins. */
	private long startOffset;

	/** How far the latest start's output was searched. */
	private long searchedOffset;

	BrokerLog(Path file) {
		this.file = file;
	}

	Path file() {
		return this.file;
	}

	/**
	 * Marks the end of the file as the beginning of a new start's output.
	 * @throws IOException when the file cannot be read
	 */
	void markStart() throws IOException {
		this.startOffset = Files.exists(this.file) ? Files.size(this.file) : 0;
		this.searchedOffset = this.startOffset;
	}

	/**
	 * Whether the latest start wrote the text; each call reads only what was added since the last one.
	 * @param text the text, within one line
	 * @return whether it was written
	 */
	boolean containsSinceStart(String text) {
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			long length = in.length();
			if (length <= this.searchedOffset) {
				return false;
			}
			byte[] bytes = new byte[(int) (length - this.searchedOffset)];
			in.seek(this.searchedOffset);
			in.readFully(bytes);
			if (new String(bytes, StandardCharsets.UTF_8).contains(text)) {
				return true;
			}
			// Keep an overlap so that text written in two parts is still found.
			this.searchedOffset = Math.max(this.searchedOffset, length - text.length());
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The last lines of the latest start's output.
	 * @param lines how many lines at most
	 * @return the lines, joined by new lines
	 */
	String tail(int lines) {
		try (RandomAccessFile in = new RandomAccessFile(this.file.toFile(), "r")) {
			long from = Math.max(this.startOffset, in.length() - TAIL_BYTES);
			byte[] bytes = new byte[(int) (in.length() - from)];
			in.seek(from);
			in.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(cannot read " + this.file + ": " + ex + ")";
		}
	}

}
