package io.momentum.kafka.benchmarks.jmh;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.topic.EventCatalog;
import io.momentum.kafka.topic.EventCatalogFactory;
import io.momentum.kafka.topic.EventTypeScanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

/**
 * Discovery of 1,000 generated event types as an application does it at startup: scan the packages (reading class
 * files, loading the annotated ones) and build the catalog (topic names, partition-key extractors). Each
 * invocation gets a fresh class loader, so classes are loaded anew. {@code coldJvm} is the first discovery in a new
 * JVM, as at application startup; {@code warmJvm} the same after the JIT compiled the code.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class DiscoveryBenchmarks {

	static final int EVENT_TYPES = 1000;

	private Path classes;

	private URLClassLoader classLoader;

	@Setup(Level.Trial)
	public void generate() throws IOException {
		this.classes = Files.createTempDirectory("momentum-discovery-benchmark-");
		GeneratedEventTypes.write(this.classes, EVENT_TYPES);
	}

	@Setup(Level.Invocation)
	public void newClassLoader() throws IOException {
		this.classLoader = new ApplicationClassesFirst(this.classes, DiscoveryBenchmarks.class.getClassLoader());
	}

	@TearDown(Level.Invocation)
	public void closeClassLoader() throws IOException {
		this.classLoader.close();
	}

	@TearDown(Level.Trial)
	public void delete() throws IOException {
		FileSystemUtils.deleteRecursively(this.classes);
	}

	@Benchmark
	@Fork(5)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	public EventCatalog coldJvm() {
		return discover();
	}

	@Benchmark
	@Fork(1)
	@Warmup(iterations = 10)
	@Measurement(iterations = 10)
	public EventCatalog warmJvm() {
		return discover();
	}

	/**
	 * Finds the generated classes before asking its parent, as an application's own classes are found first on
	 * its class path; asked first, the parent would search every jar of the benchmark's class path for each of
	 * the 2,000 classes, a cost an application does not have.
	 */
	static final class ApplicationClassesFirst extends URLClassLoader {

		ApplicationClassesFirst(Path classes, ClassLoader parent) throws IOException {
			super(new URL[] { classes.toUri().toURL() }, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith(GeneratedEventTypes.BASE_PACKAGE + ".")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> type = findLoadedClass(name);
				return (type != null) ? type : findClass(name);
			}
		}

	}

	private EventCatalog discover() {
		return discover(this.classLoader);
	}

	/**
	 * Discover the generated event types as the starter does: scan their package, then build the catalog.
	 * @param classLoader loads the generated classes
	 * @return the catalog of the 1,000 types
	 */
	static EventCatalog discover(ClassLoader classLoader) {
		EventTypeScanner scanner = new EventTypeScanner(new DefaultResourceLoader(classLoader),
				new StandardEnvironment());
		List<Class<?>> types = scanner.scan(List.of(GeneratedEventTypes.BASE_PACKAGE));
		EventCatalog catalog = new EventCatalogFactory(Fixtures.topicNameResolver(), null, null).create(types);
		if (catalog.events().size() != EVENT_TYPES) {
			throw new IllegalStateException("Discovered " + catalog.events().size() + " event types, not " + EVENT_TYPES);
		}
		return catalog;
	}

}
