package io.momentum.kafka.test.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.ClassUtils;
import org.springframework.util.FileSystemUtils;

/**
 * A real Apache Kafka broker running as a separate JVM, for tests that stop, kill and restart brokers or need SASL
 * and TLS listeners.
 * <p>
 * The broker runs in KRaft combined mode (broker and controller in one process) from the Kafka jars on the current
 * classpath ({@code org.apache.kafka:kafka_2.13}), on free loopback ports chosen once and kept across restarts, with
 * its own work directory (data, {@code server.properties} and {@code broker.log}). The broker halts when the JVM
 * that started it exits, even when that JVM is killed.
 *
 * <pre class="code">
 * try (KafkaBrokerProcess broker = KafkaBrokerProcess.builder()
 *         .scramUser(ScramMechanism.SCRAM_SHA_512, "alice", "alice-secret")
 *         .build()) {
 *     broker.start();
 *     String plaintext = broker.bootstrapServers();
 *     String sasl = broker.bootstrapServers(BrokerListener.SASL_PLAINTEXT);
 *     broker.kill();     // SIGKILL
 *     broker.restart();  // same data directory, same ports
 * }
 * </pre>
 * Not thread-safe: drive one broker from one test thread.
 *
 * @see KafkaClusterProcess
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	/** The log line of a broker that serves clients. */
	static final String READY_LINE = "Kafka Server started";

	private static final Logger logger = LoggerFactory.getLogger(KafkaBrokerProcess.class);

	private static final int LOG_TAIL_LINES = 40;

	/** Whether the broker JVM logs through logback, configured by this class to write the ready line. */
	private static final boolean LOGBACK_PRESENT = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			KafkaBrokerProcess.class.getClassLoader());

	private final int nodeId;

	private final String clusterId;

	private final Path workDirectory;

	private final boolean ownsWorkDirectory;

	private final Path dataDirectory;

	private final BrokerLog log;

	private final Map<BrokerListener, Integer> ports;

	private final int controllerPort;

	private final Map<String, String> serverProperties;

	private final List<String> formatArguments;

	private final List<String> jvmOptions;

	private final Duration startTimeout;

	private final Duration stopTimeout;

	/** Volatile: the shutdown hook reads it from another thread. */
	private volatile @Nullable Process process;

	private @Nullable Integer lastExitCode;

	private boolean closed;

	private KafkaBrokerProcess(Builder builder) {
		this.nodeId = builder.nodeId;
		this.clusterId = (builder.clusterId != null) ? builder.clusterId : Uuid.randomUuid().toString();
		try {
			this.ownsWorkDirectory = builder.workDirectory == null;
			this.workDirectory = (builder.workDirectory != null) ? Files.createDirectories(builder.workDirectory)
					: Files.createTempDirectory("momentum-kafka-broker-" + this.nodeId + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the broker work directory", ex);
		}
		this.dataDirectory = this.workDirectory.resolve("data");
		this.log = new BrokerLog(this.workDirectory.resolve("broker.log"));
		List<BrokerListener> listeners = builder.listeners();
		int[] free = freePorts(listeners.size() + ((builder.controllerPort == 0) ? 1 : 0));
		this.ports = new EnumMap<>(BrokerListener.class);
		for (int i = 0; i < listeners.size(); i++) {
			this.ports.put(listeners.get(i), free[i]);
		}
		this.controllerPort = (builder.controllerPort != 0) ? builder.controllerPort : free[listeners.size()];
		String voters = (builder.quorumVoters != null) ? builder.quorumVoters
				: this.nodeId + "@127.0.0.1:" + this.controllerPort;
		this.serverProperties = Collections.unmodifiableMap(serverProperties(builder, voters));
		this.formatArguments = List.copyOf(builder.formatArguments());
		this.jvmOptions = List.copyOf(builder.jvmOptions);
		this.startTimeout = builder.startTimeout;
		this.stopTimeout = builder.stopTimeout;
		ProcessReaper.register(this);
	}

	/**
	 * A builder for a single broker (node id 1) with a PLAINTEXT listener, no users and no TLS.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	private Map<String, String> serverProperties(Builder builder, String voters) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("process.roles", "broker,controller");
		properties.put("node.id", Integer.toString(this.nodeId));
		properties.put("controller.quorum.voters", voters);
		String listeners = this.ports.entrySet()
			.stream()
			.map((entry) -> entry.getKey().name() + "://127.0.0.1:" + entry.getValue())
			.collect(Collectors.joining(","));
		properties.put("listeners", listeners + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
		properties.put("advertised.listeners", listeners);
		properties.put("controller.listener.names", "CONTROLLER");
		properties.put("inter.broker.listener.name", BrokerListener.PLAINTEXT.name());
		properties.put("listener.security.protocol.map",
				"CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,SASL_SSL:SASL_SSL");
		properties.put("log.dirs", this.dataDirectory.toAbsolutePath().toString());
		properties.put("num.partitions", "1");
		properties.put("offsets.topic.replication.factor", "1");
		properties.put("offsets.topic.num.partitions", "5");
		properties.put("transaction.state.log.replication.factor", "1");
		properties.put("transaction.state.log.min.isr", "1");
		properties.put("share.coordinator.state.topic.replication.factor", "1");
		properties.put("share.coordinator.state.topic.min.isr", "1");
		properties.put("group.initial.rebalance.delay.ms", "0");
		// After a SIGKILL the controller keeps the dead incarnation's registration until its session expires
		// (9 s by default), and a restarted node cannot register before that; a dead leader is also noticed then.
		properties.put("broker.session.timeout.ms", "3000");
		properties.put("broker.heartbeat.interval.ms", "1000");
		for (BrokerListener listener : this.ports.keySet()) {
			if (listener.usesSasl()) {
				properties.putAll(builder.saslProperties(listener));
			}
			BrokerTls tls = builder.tls;
			if (listener.usesTls() && tls != null) {
				properties.putAll(tls.listenerProperties(listener));
			}
		}
		properties.putAll(builder.serverProperties);
		return properties;
	}

	/**
	 * Starts the broker and waits until it serves clients. The first start formats the data directory; later
	 * starts reuse it.
	 * @throws KafkaBrokerStartException when the broker exits or is not ready within the start timeout; the
	 * message ends with the tail of the broker log
	 * @throws IllegalStateException when the broker is running or closed
	 */
	public void start() {
		launch();
		awaitReady(System.nanoTime() + this.startTimeout.toNanos());
	}

	/**
	 * Launches the broker JVM without waiting for it; {@link KafkaClusterProcess} starts nodes in parallel this way.
	 */
	void launch() {
		if (this.closed) {
			throw new IllegalStateException("Broker node " + this.nodeId + " is closed");
		}
		if (isRunning()) {
			throw new IllegalStateException("Broker node " + this.nodeId + " is already running");
		}
		try {
			boolean format = !Files.exists(this.dataDirectory.resolve("meta.properties"));
			Files.createDirectories(this.dataDirectory);
			Path propertiesFile = this.workDirectory.resolve("server.properties");
			Files.writeString(propertiesFile, PropertiesWriter.write(this.serverProperties));
			Path logbackFile = this.workDirectory.resolve("logback.xml");
			Files.writeString(logbackFile, LOGBACK_CONFIGURATION);
			Path argumentFile = this.workDirectory.resolve("jvm.args");
			Files.writeString(argumentFile, jvmArgumentFile(logbackFile));
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("@" + argumentFile.toAbsolutePath());
			command.add(KafkaBrokerMain.class.getName());
			command.add(propertiesFile.toAbsolutePath().toString());
			if (format) {
				command.add("--format");
				command.add(this.clusterId);
				command.addAll(this.formatArguments);
			}
			this.log.markStart();
			this.lastExitCode = null;
			this.process = new ProcessBuilder(command).directory(this.workDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.file().toFile()))
				.start();
			logger.debug("Started broker node {} (pid {}) in {}", this.nodeId, this.process.pid(), this.workDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot launch broker node " + this.nodeId, ex);
		}
	}

	/**
	 * Waits until the launched broker logs that it serves clients.
	 * @param deadline the {@link System#nanoTime()} by which it must be ready
	 */
	void awaitReady(long deadline) {
		long started = System.nanoTime();
		Process current = this.process;
		if (current == null) {
			throw new IllegalStateException("Broker node " + this.nodeId + " was not launched");
		}
		while (true) {
			if (LOGBACK_PRESENT ? this.log.containsSinceStart(READY_LINE) : answersAdminRequests()) {
				logger.debug("Broker node {} ready in {} ms", this.nodeId, (System.nanoTime() - started) / 1_000_000);
				return;
			}
			if (!current.isAlive()) {
				this.lastExitCode = current.exitValue();
				this.process = null;
				throw new KafkaBrokerStartException("Kafka broker node " + this.nodeId
						+ " did not start: its process exited with code " + this.lastExitCode + " after "
						+ elapsed(started) + ". Check the server properties and the log " + this.log.file()
						+ ". Last lines of the log:\n" + logTail());
			}
			if (System.nanoTime() - deadline > 0) {
				current.destroyForcibly();
				waitForExit(current, Duration.ofSeconds(10));
				this.process = null;
				throw new KafkaBrokerStartException("Kafka broker node " + this.nodeId + " did not start within "
						+ this.startTimeout + " (it was killed). A KRaft cluster node waits for a quorum of its "
						+ "controllers; a slow machine may need a longer startTimeout. Log " + this.log.file()
						+ ". Last lines of the log:\n" + logTail());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for broker node " + this.nodeId, ex);
			}
		}
	}

	/**
	 * Stops the broker gracefully (SIGTERM: a controlled shutdown) and waits for its process to end; after the
	 * stop timeout the process is killed. Does nothing when the broker is not running.
	 */
	public void stop() {
		Process current = this.process;
		if (current == null) {
			return;
		}
		current.destroy();
		if (!waitForExit(current, this.stopTimeout)) {
			logger.warn("Broker node {} did not stop within {}: killing it", this.nodeId, this.stopTimeout);
			current.destroyForcibly();
			waitForExit(current, Duration.ofSeconds(10));
		}
		this.lastExitCode = current.isAlive() ? null : current.exitValue();
		this.process = null;
	}

	/**
	 * Sends a signal to stop; {@link KafkaClusterProcess} stops nodes in parallel this way.
	 */
	void signalStop() {
		Process current = this.process;
		if (current != null) {
			current.destroy();
		}
	}

	/**
	 * Kills the broker with SIGKILL (no shutdown hooks, no flush: a crash) and waits for its process to end. Does
	 * nothing when the broker is not running.
	 */
	public void kill() {
		Process current = this.process;
		if (current == null) {
			return;
		}
		current.destroyForcibly();
		waitForExit(current, Duration.ofSeconds(30));
		this.lastExitCode = current.isAlive() ? null : current.exitValue();
		this.process = null;
	}

	/**
	 * Stops the broker gracefully when it runs, then starts it again on the same data directory and ports. After
	 * {@link #kill()} this is a restart after a crash.
	 */
	public void restart() {
		stop();
		start();
	}

	/**
	 * Stops the broker when it runs and deletes its work directory when this object created it.
	 */
	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		stop();
		this.closed = true;
		ProcessReaper.unregister(this);
		deleteWorkDirectory();
	}

	void deleteWorkDirectory() {
		if (this.ownsWorkDirectory) {
			try {
				FileSystemUtils.deleteRecursively(this.workDirectory);
			}
			catch (IOException ex) {
				logger.warn("Could not delete the broker work directory {}: {}", this.workDirectory, ex.toString());
			}
		}
	}

	/**
	 * Whether the broker process is alive.
	 * @return whether the broker runs
	 */
	public boolean isRunning() {
		Process current = this.process;
		return current != null && current.isAlive();
	}

	/**
	 * The bootstrap servers of the {@link BrokerListener#PLAINTEXT PLAINTEXT} listener.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String bootstrapServers() {
		return bootstrapServers(BrokerListener.PLAINTEXT);
	}

	/**
	 * The bootstrap servers of one listener. Ports do not change across restarts.
	 * @param listener the listener
	 * @return {@code 127.0.0.1:<port>}
	 * @throws IllegalArgumentException when this broker has no such listener
	 */
	public String bootstrapServers(BrokerListener listener) {
		Integer port = this.ports.get(listener);
		if (port == null) {
			throw new IllegalArgumentException("Broker node " + this.nodeId + " has no " + listener
					+ " listener (it has " + this.ports.keySet() + "): SASL listeners need users or sasl(), TLS "
					+ "listeners need tls(...) on the builder");
		}
		return "127.0.0.1:" + port;
	}

	/**
	 * The listeners this broker serves clients on.
	 * @return the listeners
	 */
	public List<BrokerListener> listeners() {
		return List.copyOf(this.ports.keySet());
	}

	/**
	 * The KRaft node id.
	 * @return the node id
	 */
	public int nodeId() {
		return this.nodeId;
	}

	/**
	 * The KRaft cluster id formatted into the data directory.
	 * @return the cluster id
	 */
	public String clusterId() {
		return this.clusterId;
	}

	/**
	 * The process id of the running broker.
	 * @return the pid, empty when the broker is not running
	 */
	public OptionalInt pid() {
		Process current = this.process;
		return (current != null && current.isAlive()) ? OptionalInt.of((int) current.pid()) : OptionalInt.empty();
	}

	/**
	 * The exit code of the broker's last process: 137 after {@link #kill()} (SIGKILL), 143 after a graceful
	 * {@link #stop()} (SIGTERM).
	 * @return the exit code, empty while the broker runs or before it first stopped
	 */
	public OptionalInt lastExitCode() {
		Integer code = this.lastExitCode;
		return (code != null) ? OptionalInt.of(code) : OptionalInt.empty();
	}

	/**
	 * The broker's work directory: {@code data/}, {@code server.properties}, {@code broker.log}.
	 * @return the work directory
	 */
	public Path workDirectory() {
		return this.workDirectory;
	}

	/**
	 * The broker's log file (its stdout and stderr, appended across restarts).
	 * @return the log file
	 */
	public Path logFile() {
		return this.log.file();
	}

	/**
	 * The broker configuration as written to {@code server.properties}.
	 * @return the server properties
	 */
	public Map<String, String> serverProperties() {
		return this.serverProperties;
	}

	/**
	 * Creates an admin client on the PLAINTEXT listener; the caller closes it.
	 * @return a new admin client
	 */
	public Admin createAdmin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				5_000));
	}

	/**
	 * Adds or replaces a SCRAM user on the running broker ({@code Admin.alterUserScramCredentials}) and waits until
	 * the broker lists it. Use it for users created during a test or passwords that the storage formatter cannot
	 * take (with a comma).
	 * @param mechanism SCRAM-SHA-256 or SCRAM-SHA-512
	 * @param username the user name
	 * @param password the password
	 */
	public void addScramUser(ScramMechanism mechanism, String username, String password) {
		if (this.ports.keySet().stream().noneMatch(BrokerListener::usesSasl)) {
			throw new IllegalStateException("Broker node " + this.nodeId
					+ " has no SASL listener: call sasl() or add a user on the builder");
		}
		try (Admin admin = createAdmin()) {
			admin
				.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(username,
						new ScramCredentialInfo(mechanism, 4096), password)))
				.all()
				.get(30, TimeUnit.SECONDS);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (true) {
				UserScramCredentialsDescription description = admin.describeUserScramCredentials(List.of(username))
					.description(username)
					.get(10, TimeUnit.SECONDS);
				if (description.credentialInfos().stream().anyMatch((info) -> info.mechanism() == mechanism)) {
					return;
				}
				if (System.nanoTime() - deadline > 0) {
					throw new IllegalStateException("SCRAM user " + username + " was not visible within 10 s");
				}
				Thread.sleep(50);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot add SCRAM user " + username + " to broker node " + this.nodeId,
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while adding SCRAM user " + username, ex);
		}
	}

	@Override
	public String toString() {
		return "KafkaBrokerProcess{node " + this.nodeId + ", " + this.ports + ", " + (isRunning() ? "running" : "stopped")
				+ "}";
	}

	int controllerPort() {
		return this.controllerPort;
	}

	@Nullable Process process() {
		return this.process;
	}

	private String jvmArgumentFile(Path logbackFile) {
		List<String> arguments = new ArrayList<>(this.jvmOptions);
		arguments.add("-Dlogback.configurationFile=" + logbackFile.toAbsolutePath());
		arguments.add("-D" + KafkaBrokerMain.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
		arguments.add("-cp");
		arguments.add(System.getProperty("java.class.path"));
		// One quoted argument per line: the class path can exceed the kernel's limit for a single argument.
		return arguments.stream()
			.map((argument) -> "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
			.collect(Collectors.joining("\n", "", "\n"));
	}

	/**
	 * Readiness without logback (the broker JVM then logs nothing): the PLAINTEXT listener answers an admin call.
	 * @return whether the broker answered
	 */
	private boolean answersAdminRequests() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				1_000))) {
			admin.describeCluster().nodes().get(1, TimeUnit.SECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The last lines this broker logged since its latest start.
	 * @return the tail of the log
	 */
	String logTail() {
		return this.log.tail(LOG_TAIL_LINES);
	}

	private static String elapsed(long startedNanos) {
		return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9);
	}

	static boolean waitForExit(Process process, Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/**
	 * Free loopback ports, all held open until every one is chosen so that none repeats.
	 * @param count how many
	 * @return the ports
	 */
	static int[] freePorts(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				sockets.add(socket);
				ports[i] = socket.getLocalPort();
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find free loopback ports", ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ex) {
					// the port is free again either way
				}
			}
		}
	}

	private static final String LOGBACK_CONFIGURATION = """
			<configuration>
			  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
			    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
			  </appender>
			  <root level="INFO"><appender-ref ref="STDOUT"/></root>
			  <logger name="org.apache.kafka.common.config" level="WARN"/>
			  <logger name="org.apache.kafka.common.utils.AppInfoParser" level="WARN"/>
			  <logger name="kafka.server.KafkaConfig" level="WARN"/>
			</configuration>
			""";

	/**
	 * Builds a {@link KafkaBrokerProcess}.
	 */
	public static final class Builder {

		private int nodeId = 1;

		private @Nullable String clusterId;

		private int controllerPort;

		private @Nullable String quorumVoters;

		private boolean sasl;

		private final Map<String, String> plainUsers = new LinkedHashMap<>();

		private final List<String[]> scramUsers = new ArrayList<>();

		private @Nullable BrokerTls tls;

		private final Map<String, String> serverProperties = new LinkedHashMap<>();

		private final List<String> jvmOptions = new ArrayList<>(
				List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
						"-Djava.awt.headless=true"));

		private Duration startTimeout = Duration.ofSeconds(60);

		private Duration stopTimeout = Duration.ofSeconds(30);

		private @Nullable Path workDirectory;

		private Builder() {
			if (!ClassUtils.isPresent("kafka.Kafka", Builder.class.getClassLoader())) {
				throw new IllegalStateException("KafkaBrokerProcess needs org.apache.kafka:kafka_2.13 on the test "
						+ "class path (momentum-kafka-test brings it)");
			}
		}

		/**
		 * The KRaft node id (default 1).
		 * @param nodeId the node id
		 * @return this builder
		 */
		public Builder nodeId(int nodeId) {
			this.nodeId = nodeId;
			return this;
		}

		/**
		 * Adds a {@link BrokerListener#SASL_PLAINTEXT SASL_PLAINTEXT} listener (and
		 * {@link BrokerListener#SASL_SSL SASL_SSL} with TLS) even without users, for users added with
		 * {@link KafkaBrokerProcess#addScramUser}. Adding a user does this too.
		 * @return this builder
		 */
		public Builder sasl() {
			this.sasl = true;
			return this;
		}

		/**
		 * Adds a SASL/PLAIN user; the SASL listeners then accept PLAIN.
		 * @param username the user name
		 * @param password the password
		 * @return this builder
		 */
		public Builder plainUser(String username, String password) {
			this.sasl = true;
			this.plainUsers.put(username, password);
			return this;
		}

		/**
		 * Adds a SCRAM user, written into the storage when it is formatted (so it works as soon as the broker is
		 * ready). The SASL listeners accept SCRAM-SHA-256 and SCRAM-SHA-512.
		 * @param mechanism SCRAM-SHA-256 or SCRAM-SHA-512
		 * @param username the user name, without {@code ,} {@code =} {@code [} {@code ]} or quotes
		 * @param password the password, without {@code ,} {@code [} {@code ]} or quotes; for such passwords use
		 * {@link KafkaBrokerProcess#addScramUser} on the running broker
		 * @return this builder
		 */
		public Builder scramUser(ScramMechanism mechanism, String username, String password) {
			if (mechanism == ScramMechanism.UNKNOWN) {
				throw new IllegalArgumentException("SCRAM mechanism must be SCRAM_SHA_256 or SCRAM_SHA_512");
			}
			if (username.matches(".*[,=\\[\\]\"].*") || password.matches(".*[,\\[\\]\"].*") || username.isEmpty()
					|| password.isEmpty()) {
				throw new IllegalArgumentException("SCRAM user '" + username + "' cannot be written by the storage "
						+ "formatter (empty, or a comma, bracket or quote in the name or password): add it with "
						+ "addScramUser(...) once the broker runs");
			}
			this.sasl = true;
			this.scramUsers.add(new String[] { mechanism.mechanismName(), username, password });
			return this;
		}

		/**
		 * Adds an {@link BrokerListener#SSL SSL} listener (and {@link BrokerListener#SASL_SSL SASL_SSL} when the
		 * broker has SASL) with this TLS material.
		 * @param tls the broker's keystore and, for mutual TLS, truststore
		 * @return this builder
		 * @see TestCertificates
		 */
		public Builder tls(BrokerTls tls) {
			this.tls = tls;
			return this;
		}

		/**
		 * Sets a broker property; it wins over the launcher's defaults.
		 * @param name the property name
		 * @param value the value
		 * @return this builder
		 */
		public Builder serverProperty(String name, String value) {
			this.serverProperties.put(name, value);
			return this;
		}

		/**
		 * Sets broker properties; they win over the launcher's defaults.
		 * @param properties the properties
		 * @return this builder
		 */
		public Builder serverProperties(Map<String, String> properties) {
			this.serverProperties.putAll(properties);
			return this;
		}

		/**
		 * Replaces the broker JVM's options (default {@code -Xms64m -Xmx512m -XX:+UseSerialGC
		 * -XX:TieredStopAtLevel=1 -Xss512k}: a small, quick-starting JVM).
		 * @param options the JVM options
		 * @return this builder
		 */
		public Builder jvmOptions(String... options) {
			this.jvmOptions.clear();
			this.jvmOptions.addAll(List.of(options));
			return this;
		}

		/**
		 * How long {@link KafkaBrokerProcess#start()} waits for the broker (default 60 s).
		 * @param startTimeout the start timeout
		 * @return this builder
		 */
		public Builder startTimeout(Duration startTimeout) {
			this.startTimeout = startTimeout;
			return this;
		}

		/**
		 * How long {@link KafkaBrokerProcess#stop()} waits for a graceful shutdown before it kills (default 30 s).
		 * @param stopTimeout the stop timeout
		 * @return this builder
		 */
		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = stopTimeout;
			return this;
		}

		/**
		 * The work directory (data, configuration, log). By default a new temporary directory that
		 * {@link KafkaBrokerProcess#close()} deletes; a given directory is kept.
		 * @param workDirectory the work directory
		 * @return this builder
		 */
		public Builder workDirectory(Path workDirectory) {
			this.workDirectory = workDirectory;
			return this;
		}

		Builder clusterNode(String clusterId, int controllerPort, String quorumVoters) {
			this.clusterId = clusterId;
			this.controllerPort = controllerPort;
			this.quorumVoters = quorumVoters;
			return this;
		}

		/**
		 * Builds the broker and chooses its ports; it is not started.
		 * @return the broker
		 */
		public KafkaBrokerProcess build() {
			return new KafkaBrokerProcess(this);
		}

		List<BrokerListener> listeners() {
			List<BrokerListener> listeners = new ArrayList<>(List.of(BrokerListener.PLAINTEXT));
			if (this.sasl) {
				listeners.add(BrokerListener.SASL_PLAINTEXT);
			}
			if (this.tls != null) {
				listeners.add(BrokerListener.SSL);
				if (this.sasl) {
					listeners.add(BrokerListener.SASL_SSL);
				}
			}
			return listeners;
		}

		Map<String, String> saslProperties(BrokerListener listener) {
			String prefix = listener.configPrefix();
			Map<String, String> properties = new LinkedHashMap<>();
			List<String> mechanisms = new ArrayList<>();
			if (!this.plainUsers.isEmpty()) {
				mechanisms.add("PLAIN");
				String users = this.plainUsers.entrySet()
					.stream()
					.map((user) -> "user_" + user.getKey() + "=" + jaasQuote(user.getValue()))
					.collect(Collectors.joining(" "));
				properties.put(prefix + "plain.sasl.jaas.config",
						"org.apache.kafka.common.security.plain.PlainLoginModule required " + users + ";");
			}
			for (ScramMechanism mechanism : List.of(ScramMechanism.SCRAM_SHA_256, ScramMechanism.SCRAM_SHA_512)) {
				mechanisms.add(mechanism.mechanismName());
				properties.put(prefix + mechanism.mechanismName().toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
						"org.apache.kafka.common.security.scram.ScramLoginModule required;");
			}
			properties.put(prefix + "sasl.enabled.mechanisms", String.join(",", mechanisms));
			return properties;
		}

		List<String> formatArguments() {
			List<String> arguments = new ArrayList<>();
			for (String[] user : this.scramUsers) {
				arguments.add("--add-scram");
				arguments.add(user[0] + "=[name=" + user[1] + ",password=" + user[2] + "]");
			}
			return arguments;
		}

		private static String jaasQuote(String value) {
			return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
		}

	}

}
