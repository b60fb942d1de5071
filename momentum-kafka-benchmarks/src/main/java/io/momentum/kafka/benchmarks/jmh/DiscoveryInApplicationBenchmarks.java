package io.momentum.kafka.benchmarks.jmh;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.momentum.kafka.topic.EventCatalog;
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

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

/**
 * Discovery of 1,000 generated event types where an application meets it: the first discovery in a new JVM, after
 * Spring's component scan of the same package. A Spring Boot application runs that scan (reading every class file of
 * its package, the event types' included) before any auto-configured bean exists, so its scanning code is loaded
 * and partly compiled when the starter discovers event types. {@link DiscoveryBenchmarks#coldJvm()} measures
 * discovery as the very first thing a JVM does, which also pays for loading that code.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class DiscoveryInApplicationBenchmarks {

	private Path classes;

	private URLClassLoader classLoader;

	@Setup(Level.Trial)
	public void generate() throws IOException {
		this.classes = Files.createTempDirectory("momentum-discovery-benchmark-");
		GeneratedEventTypes.write(this.classes, DiscoveryBenchmarks.EVENT_TYPES);
	}

	/**
	 * A new class loader for the generated classes, and Spring's component scan of their package with it, as a
	 * starting application does before the starter's beans are created.
	 */
	@Setup(Level.Invocation)
	public void componentScan() throws IOException {
		this.classLoader = new DiscoveryBenchmarks.ApplicationClassesFirst(this.classes,
				DiscoveryInApplicationBenchmarks.class.getClassLoader());
		ClassPathScanningCandidateComponentProvider componentScan = new ClassPathScanningCandidateComponentProvider(
				true, new StandardEnvironment());
		componentScan.setResourceLoader(new DefaultResourceLoader(this.classLoader));
		if (!componentScan.findCandidateComponents(GeneratedEventTypes.BASE_PACKAGE).isEmpty()) {
			throw new IllegalStateException("The generated event types are not components");
		}
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
	public EventCatalog firstInApplication() {
		return DiscoveryBenchmarks.discover(this.classLoader);
	}

}
