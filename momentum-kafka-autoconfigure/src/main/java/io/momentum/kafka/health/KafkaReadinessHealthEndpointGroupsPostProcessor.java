package io.momentum.kafka.health;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Adds the Kafka health contributor to the {@code readiness} health group (the Kubernetes
 * readiness probe, {@code /actuator/health/readiness}), next to Spring Boot's
 * {@code readinessState}: an instance that cannot reach Kafka or whose listener containers have
 * stopped receives no traffic. Membership the user configured with
 * {@code management.endpoint.health.group.readiness.include} or {@code .exclude} is left alone.
 * The liveness group is never touched: a broker outage must not restart every instance.
 */
public class KafkaReadinessHealthEndpointGroupsPostProcessor implements HealthEndpointGroupsPostProcessor, Ordered {

	/** Name of Spring Boot's readiness health group. */
	public static final String READINESS_GROUP = "readiness";

	private static final String READINESS_STATE = "readinessState";

	private static final String GROUP_PROPERTY = "management.endpoint.health.group." + READINESS_GROUP;

	private final String contributorName;

	private final boolean explicitMembership;

	/**
	 * Create a post-processor.
	 * @param contributorName the name of the Kafka health contributor, {@code kafka}
	 * @param environment the environment, read for explicit readiness membership
	 */
	public KafkaReadinessHealthEndpointGroupsPostProcessor(String contributorName, Environment environment) {
		Assert.hasText(contributorName, "'contributorName' must not be empty");
		this.contributorName = contributorName;
		Binder binder = Binder.get(environment);
		this.explicitMembership = binder.bind(GROUP_PROPERTY + ".include", Bindable.setOf(String.class)).isBound()
				|| binder.bind(GROUP_PROPERTY + ".exclude", Bindable.setOf(String.class)).isBound();
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return this.explicitMembership ? groups : new WithContributorInReadiness(groups, this.contributorName);
	}

	/**
	 * Runs after Spring Boot's availability-probes post-processor, which creates the readiness
	 * group.
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static final class WithContributorInReadiness implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups groups;

		private final HealthEndpointGroup readiness;

		private final Set<String> names;

		WithContributorInReadiness(HealthEndpointGroups groups, String contributorName) {
			this.groups = groups;
			this.readiness = new ReadinessGroup(groups.get(READINESS_GROUP), contributorName);
			Set<String> names = new LinkedHashSet<>(groups.getNames());
			names.add(READINESS_GROUP);
			this.names = Set.copyOf(names);
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.names;
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			return READINESS_GROUP.equals(name) ? this.readiness : this.groups.get(name);
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/**
	 * The readiness group with one more member. Without an existing group (this post-processor
	 * ran first) it has Spring Boot's probe defaults: {@code readinessState}, no components, no
	 * details, default status aggregation and HTTP mapping.
	 */
	private static final class ReadinessGroup implements HealthEndpointGroup {

		private final @Nullable HealthEndpointGroup delegate;

		private final String contributorName;

		ReadinessGroup(@Nullable HealthEndpointGroup delegate, String contributorName) {
			this.delegate = delegate;
			this.contributorName = contributorName;
		}

		@Override
		public boolean isMember(String name) {
			if (this.contributorName.equals(name)) {
				return true;
			}
			return (this.delegate != null) ? this.delegate.isMember(name) : READINESS_STATE.equals(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate != null && this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate != null && this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return (this.delegate != null) ? this.delegate.getStatusAggregator() : StatusAggregator.getDefault();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return (this.delegate != null) ? this.delegate.getHttpCodeStatusMapper() : HttpCodeStatusMapper.DEFAULT;
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return (this.delegate != null) ? this.delegate.getAdditionalPath() : null;
		}

	}

}
