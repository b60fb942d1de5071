package io.momentum.sample;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code snippet of the documentation ({@code README.md} and {@code docs/*.md}) compiles or
 * parses, so a page cannot show an API or a key that does not exist.
 * <p>
 * <b>Java.</b> Every {@code ```java} block (also indented ones, in list items) is compiled in one
 * in-process javac task against the test class path. Each snippet gets its own package
 * ({@code docs.snippet01}, ...) and the imports of {@link #IMPORTS}, which include {@code docs.stage.*}:
 * the application types the pages assume ({@code Cashier}, {@code CashierCreated}, ...), real sources
 * under {@code src/test/resources/docs-snippets}. A type a snippet declares shadows the stage's
 * (JLS 6.4.1: a type declared in the compilation unit's package wins over an on-demand import). A
 * snippet is classified by its lines at column 0 (after removing the block's own indentation):
 * <ul>
 * <li>a line that declares a top-level type ({@code class}, {@code interface}, {@code record},
 * {@code enum}, {@code @interface}, after modifiers): <b>compilation units</b>. Every top-level
 * type, with the annotations and comments above it, goes in its own file named after it, so a
 * snippet may show several {@code public} types, as a reader's project would hold them;</li>
 * <li>else, a first code line that starts with an annotation or a modifier, or that is a method
 * header ({@code Type name(}): <b>members</b> of {@code class Snippet extends SnippetContext};</li>
 * <li>else: <b>statements</b> of {@code void snippet() throws Exception} in such a class.
 * {@code docs.stage.SnippetContext} declares the fields the statements use (the fields of the test
 * class the page shows before them).</li>
 * </ul>
 * Errors, and deprecation warnings, fail the test with the page, the snippet's first line and
 * javac's messages with page line numbers. {@code docs/local-development.md} is left out: its
 * snippets are excerpts of the sample's sources (a method cut after its {@code try}, statements from
 * the middle of a method), checked verbatim by {@link LocalDevelopmentDocsTests}.
 * <p>
 * <b>YAML and properties.</b> Every {@code ```yaml} and {@code ```properties} block of every page
 * parses, and every key it sets under a prefix the starter's configuration metadata owns exists there
 * ({@code META-INF/spring-configuration-metadata.json}, generated from the javadoc of our
 * {@code @ConfigurationProperties} classes). {@code momentum.kafka.*} keys are spelt exactly as the
 * metadata spells them (kebab case); {@code Kafka.*} and {@code ConnectionStrings.*}, which the pages
 * write in the seed's Pascal case, are compared as Spring Boot binds them (ignoring case and
 * dashes). A key below a {@code Map} property is accepted. Other keys ({@code spring.*},
 * {@code logging.*}, ...) only need to parse.
 */
class DocsSnippetsTests {

	/** Java snippets when this test was written: keeps the test from checking nothing. */
	private static final int JAVA_SNIPPETS = 16;

	/** YAML and properties snippets when this test was written. */
	private static final int CONFIGURATION_SNIPPETS = 14;

	private static final Path REPOSITORY = Path.of(System.getProperty("sample.repository", ".."));

	private static final Path STAGE = Path.of("src/test/resources/docs-snippets");

	/** Pages whose Java snippets are excerpts of the sample, checked by {@link LocalDevelopmentDocsTests}. */
	private static final Set<String> EXCERPT_PAGES = Set.of("docs/local-development.md");

	private static final List<String> IMPORTS = List.of("java.util.*", "java.util.concurrent.*", "java.time.*",
			"java.net.SocketTimeoutException", "io.momentum.kafka.annotation.*", "io.momentum.kafka.topic.*",
			"io.momentum.kafka.partitioning.*", "io.momentum.kafka.cloudevents.*", "io.momentum.kafka.publishing.*",
			"io.momentum.kafka.consuming.*", "io.momentum.kafka.consuming.error.*", "io.momentum.kafka.admin.*",
			"io.momentum.kafka.metrics.*", "io.momentum.kafka.test.*",
			"io.momentum.kafka.test.broker.*", "org.apache.kafka.clients.admin.ScramMechanism",
			"org.apache.kafka.clients.consumer.ConsumerConfig", "org.junit.jupiter.api.Test",
			"org.slf4j.Logger", "org.slf4j.LoggerFactory", "org.springframework.beans.factory.annotation.Autowired",
			"org.springframework.beans.factory.annotation.Value", "org.springframework.boot.test.context.SpringBootTest",
			"org.springframework.context.annotation.Bean", "org.springframework.kafka.annotation.KafkaListener",
			"org.springframework.kafka.listener.RetryListener", "org.springframework.stereotype.Component",
			"org.springframework.stereotype.Service",
			"org.springframework.test.context.bean.override.mockito.MockitoBean",
			"org.springframework.util.backoff.FixedBackOff", "docs.stage.*", "static org.mockito.BDDMockito.*",
			"static org.assertj.core.api.Assertions.*");

	private static final Pattern FENCE = Pattern
		.compile("^([ \\t]*)```([\\w-]*)[^\\n]*\\n(.*?)^\\1```[ \\t]*$", Pattern.MULTILINE | Pattern.DOTALL);

	private static final String MODIFIERS = "(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*";

	private static final Pattern TYPE_DECLARATION = Pattern
		.compile("^" + MODIFIERS + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");

	private static final Pattern MEMBER_START = Pattern.compile("^(?:@|(?:public|protected|private|static)\\b)");

	private static final Pattern METHOD_HEADER = Pattern.compile(
			"^(?!(?:return|throw|new|yield|else|case|assert)\\b)(?:<[^>]+>\\s+)?[\\w.]+(?:<.*>)?(?:\\[])*\\s+\\w+\\s*\\(");

	@Test
	void everyJavaSnippetCompiles(@TempDir Path classes) throws IOException {
		List<Snippet> snippets = snippets(Set.of("java")).stream()
			.filter((snippet) -> !EXCERPT_PAGES.contains(snippet.page()))
			.toList();
		List<SnippetSource> sources = new ArrayList<>();
		for (int i = 0; i < snippets.size(); i++) {
			sources.addAll(sources(snippets.get(i), "docs.snippet%02d".formatted(i + 1)));
		}
		List<JavaFileObject> units = new ArrayList<>(sources);
		try (Stream<Path> stage = Files.walk(STAGE)) {
			for (Path file : stage.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				units.add(new SnippetSource(file.toUri(), Files.readString(file), null, 0, 0));
			}
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac).as("the JDK's compiler (tests run on a JDK, not a JRE)").isNotNull();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<String> options = List.of("-proc:none", "-implicit:none", "-encoding", "UTF-8",
				"-Xlint:deprecation,removal", "-d", classes.toString(), "-classpath", testClassPath());
		try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ENGLISH,
				StandardCharsets.UTF_8)) {
			javac.getTask(null, files, diagnostics, options, null, units).call();
		}
		List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics()
			.stream()
			.filter((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR
					|| diagnostic.getKind() == Diagnostic.Kind.WARNING
					|| diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
			.toList();
		assertThat(problems).overridingErrorMessage(() -> report(problems)).isEmpty();
		assertThat(snippets).hasSizeGreaterThanOrEqualTo(JAVA_SNIPPETS);
	}

	@Test
	void everyConfigurationSnippetParsesAndSetsOnlyKnownKeys() throws IOException {
		Metadata metadata = Metadata.load();
		List<Snippet> snippets = snippets(Set.of("yaml", "yml", "properties"));
		List<String> problems = new ArrayList<>();
		for (Snippet snippet : snippets) {
			Map<String, Object> keys;
			try {
				keys = snippet.language().equals("properties") ? properties(snippet.text()) : yaml(snippet.text());
			}
			catch (RuntimeException ex) {
				problems.add("%s does not parse: %s".formatted(snippet.describe(), ex.getMessage()));
				continue;
			}
			for (String key : keys.keySet()) {
				String problem = metadata.check(key);
				if (problem != null) {
					problems.add("%s sets %s".formatted(snippet.describe(), problem));
				}
			}
		}
		assertThat(problems).overridingErrorMessage(() -> "Configuration snippets with problems:\n"
				+ String.join("\n", problems)).isEmpty();
		assertThat(snippets).hasSizeGreaterThanOrEqualTo(CONFIGURATION_SNIPPETS);
	}

	/**
	 * Fenced blocks of {@code README.md} and {@code docs/*.md} in the given languages, in page order.
	 */
	private static List<Snippet> snippets(Set<String> languages) throws IOException {
		List<Path> pages = new ArrayList<>();
		pages.add(REPOSITORY.resolve("README.md"));
		try (Stream<Path> docs = Files.list(REPOSITORY.resolve("docs"))) {
			docs.filter((page) -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		List<Snippet> snippets = new ArrayList<>();
		for (Path page : pages) {
			String markdown = Files.readString(page);
			String name = REPOSITORY.relativize(page).toString().replace(File.separatorChar, '/');
			Matcher fence = FENCE.matcher(markdown);
			while (fence.find()) {
				if (languages.contains(fence.group(2))) {
					int line = lineOf(markdown, fence.start(3));
					String text = fence.group(3)
						.lines()
						.map((l) -> l.substring(Math.min(leadingSpaces(l), fence.group(1).length())))
						.collect(Collectors.joining("\n", "", "\n"));
					snippets.add(new Snippet(name, line, fence.group(2), text));
				}
			}
		}
		return snippets;
	}

	private static List<SnippetSource> sources(Snippet snippet, String packageName) {
		List<String> lines = snippet.text().lines().toList();
		String preamble = "package " + packageName + ";\n"
				+ IMPORTS.stream().map((i) -> "import " + i + ";\n").collect(Collectors.joining());
		int preambleLines = (int) preamble.lines().count();
		List<Integer> typeStarts = new ArrayList<>();
		List<String> typeNames = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher type = TYPE_DECLARATION.matcher(lines.get(i));
			if (type.find()) {
				int start = i;
				while (start > 0 && lines.get(start - 1).startsWith("@")) {
					start--;
				}
				typeStarts.add(start);
				typeNames.add(type.group(1));
			}
		}
		String directory = "/" + packageName.replace('.', '/') + "/";
		if (!typeStarts.isEmpty()) {
			List<SnippetSource> units = new ArrayList<>();
			for (int t = 0; t < typeStarts.size(); t++) {
				int from = (t == 0) ? 0 : typeStarts.get(t);
				int to = (t + 1 < typeStarts.size()) ? typeStarts.get(t + 1) : lines.size();
				String body = String.join("\n", lines.subList(from, to)) + "\n";
				units.add(new SnippetSource(URI.create("string://" + directory + typeNames.get(t) + ".java"),
						preamble + body, snippet, preambleLines, from));
			}
			return units;
		}
		String firstCode = lines.stream()
			.filter((line) -> !line.isBlank() && !line.startsWith("//"))
			.findFirst()
			.orElse("");
		boolean members = MEMBER_START.matcher(firstCode).find() || METHOD_HEADER.matcher(firstCode).find();
		String open = members ? "class Snippet extends SnippetContext {\n"
				: "class Snippet extends SnippetContext {\nvoid snippet() throws Exception {\n";
		String close = members ? "}\n" : "}\n}\n";
		return List.of(new SnippetSource(URI.create("string://" + directory + "Snippet.java"),
				preamble + open + snippet.text() + close, snippet, preambleLines + (int) open.lines().count(), 0));
	}

	private static String report(List<Diagnostic<? extends JavaFileObject>> problems) {
		Map<String, List<String>> bySnippet = new LinkedHashMap<>();
		for (Diagnostic<? extends JavaFileObject> problem : problems) {
			String message = problem.getMessage(Locale.ENGLISH);
			if (problem.getSource() instanceof SnippetSource source && source.snippet != null) {
				long line = problem.getLineNumber() - source.firstSnippetLine + source.snippetLineOffset;
				String where = (line >= 0) ? "snippet line %d (%s:%d)".formatted(line + 1,
						source.snippet.page(), source.snippet.line() + line) : "generated line " + problem.getLineNumber();
				bySnippet.computeIfAbsent(source.snippet.describe(), (k) -> new ArrayList<>())
					.add("%s %s: %s".formatted(where, problem.getKind().toString().toLowerCase(Locale.ROOT),
							message.replace("\n", "\n      ")));
			}
			else {
				String file = (problem.getSource() != null) ? problem.getSource().getName() : "javac";
				bySnippet.computeIfAbsent(file, (k) -> new ArrayList<>())
					.add("line %d: %s".formatted(problem.getLineNumber(), message));
			}
		}
		StringBuilder report = new StringBuilder("Documentation snippets that do not compile:");
		bySnippet.forEach((snippet, messages) -> {
			report.append("\n\n").append(snippet);
			messages.forEach((message) -> report.append("\n    ").append(message));
		});
		return report.toString();
	}

	/**
	 * The class path javac compiles against: the test class path. Surefire starts its fork from a
	 * manifest-only jar ({@code surefire.real.class.path}) and hands the test class path over in
	 * {@code surefire.test.class.path} (Surefire 3.5 also sets {@code java.class.path} to it); an IDE
	 * sets {@code java.class.path}.
	 */
	private static String testClassPath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

	private static Map<String, Object> yaml(String text) {
		Map<String, Object> keys = new LinkedHashMap<>();
		Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
		for (Object document : yaml.loadAll(text)) {
			flatten("", document, keys);
		}
		return keys;
	}

	private static Map<String, Object> properties(String text) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(text));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> keys = new LinkedHashMap<>();
		properties.stringPropertyNames().stream().sorted().forEach((key) -> keys.put(key, properties.get(key)));
		return keys;
	}

	/**
	 * Keys as Spring Boot sees them: nested maps joined with dots, lists of maps indexed.
	 */
	private static void flatten(String prefix, Object value, Map<String, Object> keys) {
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((key, nested) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key,
					nested, keys));
		}
		else if (value instanceof List<?> list && list.stream().anyMatch(Map.class::isInstance)) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), keys);
			}
		}
		else if (!prefix.isEmpty()) {
			keys.put(prefix, value);
		}
	}

	private static int lineOf(String text, int index) {
		int line = 1;
		for (int i = 0; i < index; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int leadingSpaces(String line) {
		int spaces = 0;
		while (spaces < line.length() && (line.charAt(spaces) == ' ' || line.charAt(spaces) == '\t')) {
			spaces++;
		}
		return spaces;
	}

	/**
	 * A fenced block: its page, the page line of its first line, its language and its text without
	 * the block's indentation.
	 */
	private record Snippet(String page, int line, String language, String text) {

		String describe() {
			String first = this.text.lines().filter((l) -> !l.isBlank()).findFirst().orElse("").strip();
			return "%s:%d (%s) `%s`".formatted(this.page, this.line, this.language, first);
		}

	}

	/**
	 * A generated source file holding (part of) a snippet; {@code firstSnippetLine} is the file line
	 * (1-based) of the snippet line {@code snippetLineOffset} (0-based).
	 */
	private static final class SnippetSource extends SimpleJavaFileObject {

		private final String code;

		private final @Nullable Snippet snippet;

		private final int firstSnippetLine;

		private final int snippetLineOffset;

		SnippetSource(URI uri, String code, @Nullable Snippet snippet, int preambleLines, int snippetLineOffset) {
			super(uri, Kind.SOURCE);
			this.code = code;
			this.snippet = snippet;
			this.firstSnippetLine = preambleLines + 1;
			this.snippetLineOffset = snippetLineOffset;
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.code;
		}

	}

	/**
	 * The configuration metadata of every jar on the class path, and the key families that the
	 * starter's own metadata owns.
	 */
	private record Metadata(Map<String, String> properties) {

		private static final String LOCATION = "META-INF/spring-configuration-metadata.json";

		/** Families written in the seed's Pascal case, bound by Spring Boot's relaxed rules. */
		private static final Set<String> RELAXED_PREFIXES = Set.of("kafka.", "connectionstrings.");

		static Metadata load() throws IOException {
			JsonMapper json = JsonMapper.builder().build();
			Map<String, String> properties = new LinkedHashMap<>();
			boolean ours = false;
			Enumeration<URL> resources = DocsSnippetsTests.class.getClassLoader().getResources(LOCATION);
			for (URL resource : Collections.list(resources)) {
				JsonNode root;
				try (InputStream in = resource.openStream()) {
					root = json.readTree(in);
				}
				for (JsonNode property : root.path("properties")) {
					properties.put(property.path("name").asString(), property.path("type").asString(""));
				}
				ours |= resource.toString().contains("momentum-kafka-autoconfigure");
			}
			assertThat(ours).as("%s of momentum-kafka-autoconfigure on the class path (configuration processor)",
					LOCATION)
				.isTrue();
			assertThat(properties.keySet()).as("momentum.kafka keys in the configuration metadata")
				.anyMatch((name) -> name.startsWith("momentum.kafka.topics."));
			return new Metadata(properties);
		}

		/**
		 * Why the key is not a known property, or {@code null} when it is, or is not ours to check.
		 */
		String check(String key) {
			String lower = key.toLowerCase(Locale.ROOT);
			boolean relaxed = RELAXED_PREFIXES.stream().anyMatch(lower::startsWith);
			if (!relaxed && !key.startsWith("momentum.kafka.") && !key.equals("momentum.kafka")) {
				return null;
			}
			String wanted = relaxed ? relaxed(key) : key;
			for (Map.Entry<String, String> property : this.properties.entrySet()) {
				String name = relaxed ? relaxed(property.getKey()) : property.getKey();
				if (wanted.equals(name)) {
					return null;
				}
				boolean container = property.getValue().startsWith("java.util.Map<")
						|| property.getValue().startsWith("java.util.List<") || property.getValue().endsWith("[]");
				if (container && (wanted.startsWith(name + ".") || wanted.startsWith(name + "["))) {
					return null;
				}
			}
			return "'%s', which is not in %s (known keys there: %s)".formatted(key, LOCATION,
					String.join(", ", siblings(key, relaxed)));
		}

		/**
		 * The known keys of the closest group of the key, for the failure message.
		 */
		private List<String> siblings(String key, boolean relaxed) {
			String group = relaxed ? relaxed(key) : key;
			while (group.contains(".")) {
				group = group.substring(0, group.lastIndexOf('.'));
				String prefix = group + ".";
				List<String> siblings = this.properties.keySet()
					.stream()
					.filter((name) -> (relaxed ? relaxed(name) : name).startsWith(prefix))
					.toList();
				if (!siblings.isEmpty()) {
					return siblings;
				}
			}
			return List.of("none");
		}

		private static String relaxed(String key) {
			return key.toLowerCase(Locale.ROOT).replace("-", "");
		}

	}

}
