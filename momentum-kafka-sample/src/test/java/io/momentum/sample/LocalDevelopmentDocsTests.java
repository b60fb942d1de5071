package io.momentum.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java and YAML snippet of {@code docs/local-development.md} is a piece of the sample's real
 * code, so the page cannot drift from what runs.
 */
class LocalDevelopmentDocsTests {

	private static final Pattern SNIPPET = Pattern.compile("```(java|yaml)\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everyCodeSnippetIsTakenFromTheSample() throws IOException {
		Path page = Path.of(System.getProperty("sample.docs-page", "../docs/local-development.md"));
		List<List<String>> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java") || f.toString().endsWith(".yml")).toList()) {
				sources.add(normalized(Files.readString(file)));
			}
		}
		Matcher matcher = SNIPPET.matcher(Files.readString(page));
		int snippets = 0;
		while (matcher.find()) {
			List<String> snippet = normalized(matcher.group(2));
			assertThat(sources).as("a source file containing%n%s", matcher.group(2))
				.anyMatch((source) -> Collections.indexOfSubList(source, snippet) >= 0);
			snippets++;
		}
		assertThat(snippets).isGreaterThanOrEqualTo(8);
	}

	/**
	 * Lines without indentation, trailing spaces and blank lines: a snippet may be re-indented.
	 */
	private static List<String> normalized(String text) {
		return text.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
	}

}
