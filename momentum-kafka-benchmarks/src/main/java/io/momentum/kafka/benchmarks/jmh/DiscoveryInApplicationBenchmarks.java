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

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.util.FileSystemUtils;

/**
 * Discovery of 1,000 generated event types where an application meets it: the first discovery in a new JVM, in a
 * Spring Boot application that has just started. The setup starts an application (Boot's auto-configuration, Kafka's
 * included, and a component scan of the event types' package, with the event types' class loader) without
 * Momentum's connection string, so that Momentum's own auto-configuration backs off and none of the starter's code has
 * run; the benchmark then discovers the event types as the starter does. A starting application has loaded and
 * partly compiled Spring's scanning, reflection and annotation code before the starter's beans are created;
 * {@link DiscoveryBenchmarks#coldJvm()} measures discovery as the very first thing a JVM does, which also pays for that.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class DiscoveryInApplicationBenchmarks {

	private Path classes;

	private URLClassLoader classLoader;

	private ConfigurableApplicationContext application;

	@Setup(Level.Trial)
	public void generate() throws IOException {
		this.classes = Files.createTempDirectory("momentum-discovery-benchmark-");
		GeneratedEventTypes.write(this.classes, DiscoveryBenchmarks.EVENT_TYPES);
	}

	/**
	 * A new class loader for the generated classes, and a Spring Boot application started with it.
	 */
	@Setup(Level.Invocation)
	public void startApplication() throws IOException {
		this.classLoader = new DiscoveryBenchmarks.ApplicationClassesFirst(this.classes,
				DiscoveryInApplicationBenchmarks.class.getClassLoader());
		SpringApplication application = new SpringApplication(new DefaultResourceLoader(this.classLoader),
				StartedApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		this.application = application.run("--logging.level.root=WARN");
		if (this.application.containsBean("eventCatalog")
				|| !this.application.getBeansOfType(EventCatalog.class).isEmpty()) {
			throw new IllegalStateException("Momentum's auto-configuration ran; it must back off in the setup");
		}
	}

	@TearDown(Level.Invocation)
	public void stopApplication() throws IOException {
		this.application.close();
		this.classLoader.close();
	}

	@TearDown(Level.Trial)
	public void delete() throws IOException {
		FileSystemUtils.deleteRecursively(this.classes);
	}

	/**
	 * A Spring Boot application whose component scan covers the event types' package, as an application's scan
	 * covers its own.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ComponentScan(GeneratedEventTypes.BASE_PACKAGE)
	static class StartedApplication {

	}

	@Benchmark
	@Fork(5)
	@Warmup(iterations = 0)
	@Measurement(iterations = 1)
	public EventCatalog firstInApplication() {
		return DiscoveryBenchmarks.discover(this.classLoader);
	}

}
