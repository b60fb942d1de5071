package io.momentum.kafka.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces a generated section of a Markdown file, between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}; the text around it is left as written. A missing file or section is added.
 */
public final class DocsFile {

	private DocsFile() {
	}

	/**
	 * Replace one section.
	 * @param file the Markdown file
	 * @param section the section's marker name
	 * @param content the generated Markdown
	 * @throws IOException when the file cannot be read or written
	 */
	public static void replaceSection(Path file, String section, String content) throws IOException {
		String begin = "<!-- " + section + ":begin (generated, do not edit) -->";
		String end = "<!-- " + section + ":end -->";
		String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
		String replacement = begin + "\n" + content.strip() + "\n" + end;
		int from = text.indexOf(begin);
		int to = text.indexOf(end);
		String updated;
		if (from >= 0 && to > from) {
			updated = text.substring(0, from) + replacement + text.substring(to + end.length());
		}
		else {
			updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + replacement + "\n";
		}
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, updated, StandardCharsets.UTF_8);
	}

}
