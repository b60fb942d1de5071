package io.momentum.kafka.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.momentum.kafka.cloudevents.CloudEventMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of Momentum Kafka: everything this library adds to Spring Boot's
 * {@code spring.kafka.*} and to Momentum's {@code ConnectionStrings.Messaging} and
 * {@code Kafka.*} keys.
 */
@ConfigurationProperties("momentum.kafka")
public class MomentumKafkaProperties {

	/**
	 * Environment segment of topic names. Defaults to the first active Spring profile, else
	 * "dev". Normalised as Momentum does: lower-case, "development" becomes "dev", names of 5
	 * characters or more are cut to their first 4 ("production" becomes "prod").
	 */
	private @Nullable String environment;

	/**
	 * Environment names mapped to the topic segment to use instead of the shortening rule, for
	 * example "staging=stg".
	 */
	private Map<String, String> environmentAliases = new LinkedHashMap<>();

	/**
	 * Domain segment of topic names for events whose @EventTopic and package name none. Defaults
	 * to the first segment of spring.application.name ("appdomain-api" gives "appdomain").
	 */
	private @Nullable String defaultDomain;

	/**
	 * Packages scanned for @EventTopic types in addition to the application's auto-configuration
	 * packages (the @SpringBootApplication package).
	 */
	private List<String> scanPackages = new ArrayList<>();

	private final Topics topics = new Topics();

	private final CloudEvents cloudevents = new CloudEvents();

	private final Publisher publisher = new Publisher();

	private final Consumer consumer = new Consumer();

	private final Retry retry = new Retry();

	private final Health health = new Health();

	private final Metrics metrics = new Metrics();

	public @Nullable String getEnvironment() {
		return this.environment;
	}

	public void setEnvironment(@Nullable String environment) {
		this.environment = environment;
	}

	public Map<String, String> getEnvironmentAliases() {
		return this.environmentAliases;
	}

	public void setEnvironmentAliases(Map<String, String> environmentAliases) {
		this.environmentAliases = environmentAliases;
	}

	public @Nullable String getDefaultDomain() {
		return this.defaultDomain;
	}

	public void setDefaultDomain(@Nullable String defaultDomain) {
		this.defaultDomain = defaultDomain;
	}

	public List<String> getScanPackages() {
		return this.scanPackages;
	}

	public void setScanPackages(List<String> scanPackages) {
		this.scanPackages = scanPackages;
	}

	public Topics getTopics() {
		return this.topics;
	}

	public CloudEvents getCloudevents() {
		return this.cloudevents;
	}

	public Publisher getPublisher() {
		return this.publisher;
	}

	public Consumer getConsumer() {
		return this.consumer;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Topic provisioning.
	 */
	public static class Topics {

		/**
		 * Whether missing event topics and their dead-letter topics are created at startup.
		 * When off, missing topics are reported by the health indicator.
		 */
		private boolean provision = true;

		/**
		 * Partitions of created topics whose @EventTopic does not set any. Defaults to the
		 * broker's num.partitions.
		 */
		private @Nullable Integer partitions;

		/**
		 * Replication factor of created topics whose @EventTopic does not set any. Defaults to
		 * the broker's default.replication.factor.
		 */
		private @Nullable Short replicationFactor;

		/**
		 * How long startup waits for the broker while provisioning topics before it fails.
		 */
		private Duration provisionTimeout = Duration.ofSeconds(30);

		public boolean isProvision() {
			return this.provision;
		}

		public void setProvision(boolean provision) {
			this.provision = provision;
		}

		public @Nullable Integer getPartitions() {
			return this.partitions;
		}

		public void setPartitions(@Nullable Integer partitions) {
			this.partitions = partitions;
		}

		public @Nullable Short getReplicationFactor() {
			return this.replicationFactor;
		}

		public void setReplicationFactor(@Nullable Short replicationFactor) {
			this.replicationFactor = replicationFactor;
		}

		public Duration getProvisionTimeout() {
			return this.provisionTimeout;
		}

		public void setProvisionTimeout(Duration provisionTimeout) {
			this.provisionTimeout = provisionTimeout;
		}

	}

	/**
	 * The CloudEvents wire format.
	 */
	public static class CloudEvents {

		/**
		 * Content mode of published events: "binary" (ce_ headers, value is the data) or
		 * "structured" (value is the JSON envelope). Both are accepted on input either way.
		 */
		private CloudEventMode mode = CloudEventMode.BINARY;

		/**
		 * The CloudEvents source attribute. Defaults to spring.application.name.
		 */
		private @Nullable String source;

		public CloudEventMode getMode() {
			return this.mode;
		}

		public void setMode(CloudEventMode mode) {
			this.mode = mode;
		}

		public @Nullable String getSource() {
			return this.source;
		}

		public void setSource(@Nullable String source) {
			this.source = source;
		}

	}

	/**
	 * The integration event publisher.
	 */
	public static class Publisher {

		/**
		 * How long the blocking publish methods wait for the broker's acknowledgement.
		 */
		private Duration timeout = Duration.ofSeconds(30);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Integration event consumers.
	 */
	public static class Consumer {

		/**
		 * Whether handler methods are subscribed. Off makes a publish-only service.
		 */
		private boolean enabled = true;

		/**
		 * Consumer group id. Defaults to spring.kafka.consumer.group-id, else
		 * spring.application.name.
		 */
		private @Nullable String groupId;

		/**
		 * Where a new consumer group starts reading: "latest" (Momentum's default) or
		 * "earliest". spring.kafka.consumer.auto-offset-reset wins when set.
		 */
		private String autoOffsetReset = "latest";

		/**
		 * Listener threads per topic. Defaults to spring.kafka.listener.concurrency, else 1.
		 */
		private @Nullable Integer concurrency;

		/**
		 * Consumer session timeout (session.timeout.ms).
		 */
		private @Nullable Duration sessionTimeout;

		/**
		 * Consumer heartbeat interval (heartbeat.interval.ms).
		 */
		private @Nullable Duration heartbeatInterval;

		/**
		 * Minimum bytes the broker returns for a fetch (fetch.min.bytes).
		 */
		private @Nullable Integer fetchMinBytes;

		/**
		 * Longest time the broker waits to fill fetch-min-bytes (fetch.max.wait.ms).
		 */
		private @Nullable Duration fetchMaxWait;

		/**
		 * Longest time between polls before the consumer leaves the group
		 * (max.poll.interval.ms).
		 */
		private @Nullable Duration maxPollInterval;

		/**
		 * Whether the containers commit offsets synchronously (commitSync, one broker round
		 * trip per poll before the next poll) instead of asynchronously. Either way offsets
		 * are committed only after the handler returned; an asynchronous commit that is lost
		 * in a rebalance means records are delivered again, never skipped.
		 */
		private boolean syncCommits = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getGroupId() {
			return this.groupId;
		}

		public void setGroupId(@Nullable String groupId) {
			this.groupId = groupId;
		}

		public String getAutoOffsetReset() {
			return this.autoOffsetReset;
		}

		public void setAutoOffsetReset(String autoOffsetReset) {
			this.autoOffsetReset = autoOffsetReset;
		}

		public @Nullable Integer getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(@Nullable Integer concurrency) {
			this.concurrency = concurrency;
		}

		public @Nullable Duration getSessionTimeout() {
			return this.sessionTimeout;
		}

		public void setSessionTimeout(@Nullable Duration sessionTimeout) {
			this.sessionTimeout = sessionTimeout;
		}

		public @Nullable Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(@Nullable Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public @Nullable Integer getFetchMinBytes() {
			return this.fetchMinBytes;
		}

		public void setFetchMinBytes(@Nullable Integer fetchMinBytes) {
			this.fetchMinBytes = fetchMinBytes;
		}

		public @Nullable Duration getFetchMaxWait() {
			return this.fetchMaxWait;
		}

		public void setFetchMaxWait(@Nullable Duration fetchMaxWait) {
			this.fetchMaxWait = fetchMaxWait;
		}

		public @Nullable Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		public void setMaxPollInterval(@Nullable Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

		public boolean isSyncCommits() {
			return this.syncCommits;
		}

		public void setSyncCommits(boolean syncCommits) {
			this.syncCommits = syncCommits;
		}

	}

	/**
	 * Retries of failed handlers before a record goes to its dead-letter topic.
	 */
	public static class Retry {

		/**
		 * Handler attempts per record, the first included (Momentum's Retry(3)). 1 disables
		 * retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Back-off before the first retry.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Factor applied to the back-off after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest back-off between two attempts.
		 */
		private Duration maxInterval = Duration.ofSeconds(10);

		/**
		 * Exception classes (and their subclasses) that go to the dead-letter topic without a
		 * retry, in addition to those annotated @NonRetryable.
		 */
		private List<Class<? extends Throwable>> nonRetryableExceptions = new ArrayList<>();

		/**
		 * Longest time a record's publish to its dead-letter topic may take (metadata wait and
		 * delivery). When it fails, the record's offset is not committed and the partition tries
		 * the record again after a back-off.
		 */
		private Duration deadLetterTimeout = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public List<Class<? extends Throwable>> getNonRetryableExceptions() {
			return this.nonRetryableExceptions;
		}

		public void setNonRetryableExceptions(List<Class<? extends Throwable>> nonRetryableExceptions) {
			this.nonRetryableExceptions = nonRetryableExceptions;
		}

		public Duration getDeadLetterTimeout() {
			return this.deadLetterTimeout;
		}

		public void setDeadLetterTimeout(Duration deadLetterTimeout) {
			this.deadLetterTimeout = deadLetterTimeout;
		}

	}

	/**
	 * The Kafka health indicator.
	 */
	public static class Health {

		/**
		 * Longest time a health check waits for the cluster before it reports DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		/**
		 * Whether the Kafka health contributor is a member of the readiness group
		 * (/actuator/health/readiness), unless
		 * management.endpoint.health.group.readiness.include or .exclude is set.
		 */
		private boolean readiness = true;

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isReadiness() {
			return this.readiness;
		}

		public void setReadiness(boolean readiness) {
			this.readiness = readiness;
		}

	}

	/**
	 * Kafka meters.
	 */
	public static class Metrics {

		/**
		 * How often consumer lag and group membership are read from the cluster.
		 */
		private Duration lagInterval = Duration.ofSeconds(10);

		/**
		 * Whether consumer lag and group membership are read from the cluster
		 * (kafka_consumer_lag, kafka_consumer_group_members), for the consumer groups of the
		 * integration event handlers' listener containers; a service without handlers has none.
		 */
		private boolean lagEnabled = true;

		/**
		 * Longest time one lag and membership refresh waits for the cluster.
		 */
		private Duration lagTimeout = Duration.ofSeconds(5);

		public Duration getLagInterval() {
			return this.lagInterval;
		}

		public void setLagInterval(Duration lagInterval) {
			this.lagInterval = lagInterval;
		}

		public boolean isLagEnabled() {
			return this.lagEnabled;
		}

		public void setLagEnabled(boolean lagEnabled) {
			this.lagEnabled = lagEnabled;
		}

		public Duration getLagTimeout() {
			return this.lagTimeout;
		}

		public void setLagTimeout(Duration lagTimeout) {
			this.lagTimeout = lagTimeout;
		}

	}

}
