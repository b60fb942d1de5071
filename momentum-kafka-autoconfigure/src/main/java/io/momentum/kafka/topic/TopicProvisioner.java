package io.momentum.kafka.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/**
 * Creates the missing event topics and their dead-letter topics at startup, through one admin
 * client that is closed afterwards.
 * <ul>
 * <li>Partitions and replication factor come from the catalog (the annotation, else
 * {@code momentum.kafka.topics.*}); {@code null} leaves them to the broker. A missing dead-letter
 * topic of an existing topic without requested partitions gets as many partitions as its
 * topic, so that a record can be dead-lettered to the partition it came from.</li>
 * <li>Existing topics are never altered: fewer partitions (or replicas) than requested give a
 * warning naming both numbers.</li>
 * <li>A topic created concurrently by another instance ({@link TopicExistsException}) is fine.
 * A {@link TopicAuthorizationException} on create is a warning when the topic exists and an
 * error when it does not.</li>
 * <li>Every admin call shares one deadline, {@code momentum.kafka.topics.provision-timeout}: an
 * unreachable cluster is a clear error after that time, never a hang.</li>
 * </ul>
 */
public class TopicProvisioner {

	private static final Log logger = LogFactory.getLog(TopicProvisioner.class);

	/** Pauses between the checks whether unauthorized topics exist after all. */
	private static final long[] RECHECK_BACK_OFF_MS = { 250, 500, 1000, 0 };

	/** The admin client's default {@code request.timeout.ms}. */
	private static final int DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private final Function<Map<String, Object>, Admin> adminFactory;

	private final List<NewTopicCustomizer> customizers = new ArrayList<>();

	/**
	 * Create a provisioner.
	 * @param adminConfig the admin client configuration, for example
	 * {@code KafkaAdmin.getConfigurationProperties()}
	 * @param timeout the longest time provisioning may take
	 */
	public TopicProvisioner(Map<String, Object> adminConfig, Duration timeout) {
		this(adminConfig, timeout, Admin::create);
	}

	/**
	 * Create a provisioner with a custom admin client factory.
	 * @param adminConfig the admin client configuration
	 * @param timeout the longest time provisioning may take
	 * @param adminFactory creates the admin client from the configuration (with this
	 * provisioner's timeouts applied)
	 */
	public TopicProvisioner(Map<String, Object> adminConfig, Duration timeout,
			Function<Map<String, Object>, Admin> adminFactory) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException(
					"momentum.kafka.topics.provision-timeout must be positive but is " + timeout);
		}
		this.adminConfig = Collections.unmodifiableMap(new HashMap<>(adminConfig));
		this.timeout = timeout;
		this.adminFactory = adminFactory;
	}

	/**
	 * Add customizers applied to every topic before it is created.
	 * @param customizers the customizers, applied in order
	 */
	public void addCustomizers(Collection<? extends NewTopicCustomizer> customizers) {
		this.customizers.addAll(customizers);
	}

	/**
	 * Create the missing topics of a catalog and their dead-letter topics.
	 * @param catalog the event catalog
	 * @return what was found and done
	 * @throws TopicProvisioningException when the cluster cannot be reached in time, refuses
	 * authentication, or a missing topic cannot be created
	 */
	public ProvisioningResult provision(EventCatalog catalog) {
		Map<String, TopicRequest> requests = requests(catalog);
		if (requests.isEmpty()) {
			return new ProvisioningResult(List.of(), List.of(), List.of());
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Admin admin = createAdmin();
		try {
			return provision(admin, requests, deadline);
		}
		finally {
			admin.close(Duration.ZERO);
		}
	}

	private ProvisioningResult provision(Admin admin, Map<String, TopicRequest> requests, long deadline) {
		Map<String, TopicDescription> existing = new LinkedHashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		describe(admin, requests.keySet(), deadline, existing, missing);
		List<String> underPartitioned = checkExisting(requests, existing);
		Set<String> existingNames = new LinkedHashSet<>(existing.keySet());
		List<NewTopic> newTopics = new ArrayList<>();
		for (String name : missing) {
			newTopics.add(newTopic(requests.get(name), existing));
		}
		List<String> created = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		if (!newTopics.isEmpty()) {
			create(admin, newTopics, requests, deadline, created, existingNames, problems);
		}
		if (!problems.isEmpty()) {
			throw new TopicProvisioningException(String.join(System.lineSeparator(), problems));
		}
		if (!created.isEmpty()) {
			awaitLeaders(admin, newTopics.stream().map(NewTopic::name).toList(), deadline);
			logger.info("Created Kafka topics " + created);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("All " + requests.size() + " event and dead-letter topics exist");
		}
		return new ProvisioningResult(created, List.copyOf(existingNames), underPartitioned);
	}

	private Admin createAdmin() {
		Map<String, Object> config = new HashMap<>(this.adminConfig);
		int timeoutMs = (int) Math.min(Integer.MAX_VALUE, this.timeout.toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
		// The admin client raises default.api.timeout.ms to request.timeout.ms when it is smaller.
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				Math.min(requestTimeoutMs(config.get(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG)), timeoutMs));
		try {
			return this.adminFactory.apply(config);
		}
		catch (RuntimeException ex) {
			throw new TopicProvisioningException("Cannot create a Kafka admin client for " + bootstrapServers()
					+ " to provision topics: " + rootMessage(ex) + ". Check ConnectionStrings.Messaging", ex);
		}
	}

	private static int requestTimeoutMs(@Nullable Object configured) {
		if (configured instanceof Number number) {
			return number.intValue();
		}
		if (configured != null) {
			try {
				return Integer.parseInt(configured.toString().trim());
			}
			catch (NumberFormatException ex) {
				// Replaced by the default, bounded by the provisioning timeout like any value.
			}
		}
		return DEFAULT_REQUEST_TIMEOUT_MS;
	}

	private void describe(Admin admin, Collection<String> names, long deadline, Map<String, TopicDescription> existing,
			Set<String> missing) {
		Map<String, KafkaFuture<TopicDescription>> futures = admin
			.describeTopics(names, new DescribeTopicsOptions().timeoutMs(remainingTimeoutMs(deadline)))
			.topicNameValues();
		for (String name : names) {
			try {
				existing.put(name, await(futures.get(name), deadline));
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof UnknownTopicOrPartitionException) {
					missing.add(name);
				}
				else if (cause instanceof TopicAuthorizationException) {
					// Without DESCRIBE the topic may or may not exist: creating it tells.
					missing.add(name);
				}
				else {
					throw clusterProblem("describe topics", cause);
				}
			}
		}
	}

	private List<String> checkExisting(Map<String, TopicRequest> requests, Map<String, TopicDescription> existing) {
		List<String> underPartitioned = new ArrayList<>();
		for (TopicDescription description : existing.values()) {
			TopicRequest request = requests.get(description.name());
			int partitions = description.partitions().size();
			if (request.partitions() != null && partitions < request.partitions()) {
				underPartitioned.add(description.name());
				logger.warn("Kafka topic '" + description.name() + "' has " + partitions + " partitions but "
						+ request.partitions() + " are requested for " + request.eventTypes()
						+ " (@EventTopic(partitions) or momentum.kafka.topics.partitions). Existing topics are never "
						+ "altered: add partitions with 'kafka-topics.sh --alter --topic " + description.name()
						+ " --partitions " + request.partitions() + "' if you want them (keys then map to other "
						+ "partitions)");
			}
			int replicas = description.partitions().isEmpty() ? 0
					: description.partitions().get(0).replicas().size();
			if (request.replicationFactor() != null && replicas < request.replicationFactor()) {
				logger.warn("Kafka topic '" + description.name() + "' has replication factor " + replicas + " but "
						+ request.replicationFactor() + " is requested for " + request.eventTypes()
						+ " (@EventTopic(replicationFactor) or momentum.kafka.topics.replication-factor). Existing "
						+ "topics are never altered");
			}
			TopicDescription mainTopic = (request.mainTopic() != null) ? existing.get(request.mainTopic()) : null;
			if (mainTopic != null && partitions < mainTopic.partitions().size()) {
				logger.warn("Dead-letter topic '" + description.name() + "' has " + partitions
						+ " partitions, fewer than the " + mainTopic.partitions().size() + " of its topic '"
						+ mainTopic.name() + "'. Records from the higher partitions cannot be dead-lettered to the "
						+ "same partition number: add partitions to the dead-letter topic");
			}
		}
		return underPartitioned;
	}

	private NewTopic newTopic(TopicRequest request, Map<String, TopicDescription> existing) {
		Integer partitions = request.partitions();
		if (partitions == null && request.mainTopic() != null && existing.containsKey(request.mainTopic())) {
			partitions = existing.get(request.mainTopic()).partitions().size();
		}
		NewTopic newTopic = new NewTopic(request.name(), Optional.ofNullable(partitions),
				Optional.ofNullable(request.replicationFactor()));
		for (NewTopicCustomizer customizer : this.customizers) {
			customizer.customize(newTopic, request.mainTopic() != null);
		}
		return newTopic;
	}

	private void create(Admin admin, List<NewTopic> newTopics, Map<String, TopicRequest> requests, long deadline,
			List<String> created, Set<String> existingNames, List<String> problems) {
		Map<String, KafkaFuture<Void>> futures = admin
			.createTopics(newTopics, new CreateTopicsOptions().timeoutMs(remainingTimeoutMs(deadline)))
			.values();
		List<String> unauthorized = new ArrayList<>();
		for (NewTopic newTopic : newTopics) {
			String name = newTopic.name();
			try {
				await(futures.get(name), deadline);
				created.add(describeNewTopic(newTopic));
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof TopicExistsException) {
					logger.debug("Kafka topic '" + name + "' was created concurrently");
					existingNames.add(name);
				}
				else if (cause instanceof TopicAuthorizationException) {
					unauthorized.add(name);
				}
				else if (cause instanceof org.apache.kafka.common.errors.TimeoutException
						|| cause instanceof AuthenticationException) {
					throw clusterProblem("create topics", cause);
				}
				else {
					problems.add("Cannot create Kafka topic '" + name + "' for " + requests.get(name).eventTypes()
							+ ": " + cause.getMessage() + ". Fix @EventTopic(partitions, replicationFactor) or "
							+ "momentum.kafka.topics.*, or create the topic beforehand");
				}
			}
		}
		if (!unauthorized.isEmpty()) {
			checkUnauthorized(admin, unauthorized, requests, deadline, existingNames, problems);
		}
	}

	/**
	 * Wait until every partition of the new topics has a leader, so that the application's first
	 * publishes do not race the leader election: a producer whose first request to a partition is
	 * refused as "not leader" can, with idempotence, fail that record later with
	 * OUT_OF_ORDER_SEQUENCE_NUMBER after records sent behind it were written (KAFKA-15591).
	 */
	private void awaitLeaders(Admin admin, Collection<String> names, long deadline) {
		Set<String> pending = new LinkedHashSet<>(names);
		while (!pending.isEmpty() && remainingMillis(deadline) > 0) {
			Map<String, KafkaFuture<TopicDescription>> futures = admin
				.describeTopics(pending, new DescribeTopicsOptions().timeoutMs(remainingTimeoutMs(deadline)))
				.topicNameValues();
			for (String name : List.copyOf(pending)) {
				try {
					TopicDescription description = await(futures.get(name), deadline);
					if (description.partitions()
						.stream()
						.allMatch((partition) -> partition.leader() != null && !partition.leader().isEmpty())) {
						pending.remove(name);
					}
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
						pending.remove(name);
					}
				}
				catch (TopicProvisioningException ex) {
					break;
				}
			}
			if (!pending.isEmpty()) {
				sleep(50);
			}
		}
		if (!pending.isEmpty()) {
			logger.warn("The partitions of the new Kafka topics " + pending + " had no leader yet when "
					+ "momentum.kafka.topics.provision-timeout ran out; the first events published to them may be "
					+ "retried by the producer");
		}
	}

	private void checkUnauthorized(Admin admin, List<String> unauthorized, Map<String, TopicRequest> requests,
			long deadline, Set<String> existingNames, List<String> problems) {
		Map<String, TopicDescription> found = new LinkedHashMap<>();
		Set<String> missing = new LinkedHashSet<>(unauthorized);
		// A topic another instance has just created may not be in the broker's metadata yet.
		for (long backOff : RECHECK_BACK_OFF_MS) {
			Set<String> recheck = new LinkedHashSet<>(missing);
			missing.clear();
			describe(admin, recheck, deadline, found, missing);
			if (missing.isEmpty() || remainingMillis(deadline) <= backOff) {
				break;
			}
			sleep(backOff);
		}
		List<String> existingAnyway = new ArrayList<>();
		List<String> absent = new ArrayList<>();
		for (String name : unauthorized) {
			if (found.containsKey(name)) {
				existingAnyway.add(name);
				existingNames.add(name);
			}
			else {
				absent.add("'" + name + "' (for " + requests.get(name).eventTypes() + ")");
			}
		}
		if (!existingAnyway.isEmpty()) {
			logger.warn("Not authorized to create Kafka topics " + existingAnyway + ", but they exist: using them as "
					+ "they are");
		}
		if (!absent.isEmpty()) {
			problems.add("Not authorized to create Kafka topics that do not exist (or that this principal may not "
					+ "describe): " + String.join(", ", absent) + ". Grant CREATE on these topics or on the cluster to "
					+ "this principal, create them beforehand, or set momentum.kafka.topics.provision=false");
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TopicProvisioningException("Interrupted while provisioning Kafka topics", ex);
		}
	}

	private static String describeNewTopic(NewTopic newTopic) {
		return newTopic.name() + " (" + ((newTopic.numPartitions() > 0) ? newTopic.numPartitions() : "default")
				+ " partitions)";
	}

	private <T> T await(KafkaFuture<T> future, long deadline) throws ExecutionException {
		try {
			return future.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TopicProvisioningException("Interrupted while provisioning Kafka topics", ex);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			throw clusterProblem("waiting for the broker", ex);
		}
	}

	private TopicProvisioningException clusterProblem(String action, Throwable cause) {
		if (cause instanceof AuthenticationException) {
			return new TopicProvisioningException("Authentication with the Kafka cluster at " + bootstrapServers()
					+ " failed while provisioning topics: " + cause.getMessage() + ". Check Kafka.SaslUsername, "
					+ "Kafka.SaslPassword, Kafka.SaslMechanism and the TLS settings", cause);
		}
		if (cause instanceof org.apache.kafka.common.errors.TimeoutException
				|| cause instanceof java.util.concurrent.TimeoutException) {
			return new TopicProvisioningException("The Kafka cluster at " + bootstrapServers() + " did not answer within "
					+ this.timeout.toMillis() + " ms (momentum.kafka.topics.provision-timeout) while provisioning topics ("
					+ action + "). Check "
					+ "ConnectionStrings.Messaging, that the brokers run and are reachable, and the security "
					+ "settings (a plaintext client on a TLS or SASL port only times out); raise "
					+ "momentum.kafka.topics.provision-timeout, or set momentum.kafka.topics.provision=false to start "
					+ "without provisioning", cause);
		}
		return new TopicProvisioningException("Cannot " + action + " on the Kafka cluster at " + bootstrapServers()
				+ " while provisioning topics: " + cause, cause);
	}

	private Object bootstrapServers() {
		Object servers = this.adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
		return (servers != null) ? servers : "(no bootstrap.servers)";
	}

	private static long remainingMillis(long deadline) {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
	}

	private static int remainingTimeoutMs(long deadline) {
		return (int) Math.min(Integer.MAX_VALUE, remainingMillis(deadline));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root != ex) ? ex.getMessage() + ": " + root.getMessage() : String.valueOf(ex.getMessage());
	}

	private static Map<String, TopicRequest> requests(EventCatalog catalog) {
		Map<String, TopicRequest> requests = new LinkedHashMap<>();
		for (EventDescriptor descriptor : catalog.events()) {
			String eventType = descriptor.eventType().getSimpleName();
			requests
				.computeIfAbsent(descriptor.topic(),
						(name) -> new TopicRequest(name, descriptor.partitions(), descriptor.replicationFactor(), null,
								new ArrayList<>()))
				.eventTypes()
				.add(eventType);
			requests
				.computeIfAbsent(descriptor.deadLetterTopic(),
						(name) -> new TopicRequest(name, descriptor.partitions(), descriptor.replicationFactor(),
								descriptor.topic(), new ArrayList<>()))
				.eventTypes()
				.add(eventType);
		}
		return requests;
	}

	/**
	 * One topic to provision.
	 *
	 * @param name the topic
	 * @param partitions requested partitions, or {@code null} for the default
	 * @param replicationFactor requested replication factor, or {@code null} for the default
	 * @param mainTopic the event topic when this is a dead-letter topic
	 * @param eventTypes simple names of the event types that use the topic
	 */
	private record TopicRequest(String name, @Nullable Integer partitions, @Nullable Short replicationFactor,
			@Nullable String mainTopic, List<String> eventTypes) {

	}

}
