package io.momentum.kafka.health;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

/**
 * Tests for {@link KafkaReadinessHealthEndpointGroupsPostProcessor}.
 */
class KafkaReadinessHealthEndpointGroupsPostProcessorTests {

	private final HealthEndpointGroup primary = mock(HealthEndpointGroup.class);

	@Test
	void whenReadinessGroupExistsThenAddsKafkaToItsMembers() {
		HealthEndpointGroup readiness = mock(HealthEndpointGroup.class);
		given(readiness.isMember("readinessState")).willReturn(true);
		HealthEndpointGroups groups = HealthEndpointGroups.of(this.primary, Map.of("readiness", readiness));

		HealthEndpointGroups processed = postProcessor(new MockEnvironment()).postProcessHealthEndpointGroups(groups);

		assertThat(processed.get("readiness").isMember("kafka")).isTrue();
		assertThat(processed.get("readiness").isMember("readinessState")).isTrue();
		assertThat(processed.get("readiness").isMember("db")).isFalse();
		assertThat(processed.getPrimary()).isSameAs(this.primary);
	}

	@Test
	void whenReadinessGroupDoesNotExistYetThenCreatesItWithReadinessStateAndKafka() {
		HealthEndpointGroups groups = HealthEndpointGroups.of(this.primary, Map.of());

		HealthEndpointGroups processed = postProcessor(new MockEnvironment()).postProcessHealthEndpointGroups(groups);

		assertThat(processed.getNames()).containsExactly("readiness");
		HealthEndpointGroup readiness = processed.get("readiness");
		assertThat(readiness.isMember("kafka")).isTrue();
		assertThat(readiness.isMember("readinessState")).isTrue();
		assertThat(readiness.isMember("livenessState")).isFalse();
		assertThat(readiness.getAdditionalPath()).isNull();
	}

	@Test
	void whenMembershipIsExplicitThenReturnsTheGroupsUnchanged() {
		HealthEndpointGroups groups = HealthEndpointGroups.of(this.primary, Map.of());
		MockEnvironment environment = new MockEnvironment()
			.withProperty("management.endpoint.health.group.readiness.exclude", "db");

		assertThat(postProcessor(environment).postProcessHealthEndpointGroups(groups)).isSameAs(groups);
	}

	@Test
	void keepsTheAdditionalPathsOfTheGroupsItWraps() {
		HealthEndpointGroups groups = mock(HealthEndpointGroups.class,
				withSettings().extraInterfaces(AdditionalPathsMapper.class));
		given(((AdditionalPathsMapper) groups).getAdditionalPaths(EndpointId.of("health"), WebServerNamespace.SERVER))
			.willReturn(List.of("/readyz"));

		HealthEndpointGroups processed = postProcessor(new MockEnvironment()).postProcessHealthEndpointGroups(groups);

		assertThat(((AdditionalPathsMapper) processed).getAdditionalPaths(EndpointId.of("health"),
				WebServerNamespace.SERVER))
			.containsExactly("/readyz");
	}

	private static KafkaReadinessHealthEndpointGroupsPostProcessor postProcessor(MockEnvironment environment) {
		return new KafkaReadinessHealthEndpointGroupsPostProcessor("kafka", environment);
	}

}
