package io.momentum.kafka.test;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.bean.override.mockito.MockitoResetTestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Registered in {@code META-INF/spring.factories}; acts on {@link MomentumKafkaTest} contexts only.
 * <ul>
 * <li>Before each test method (and its {@code @BeforeEach} methods): clears the
 * {@link IntegrationEventRecorder} and waits until the integration event listener containers
 * are ready, so that an event published in the first line of a test is never missed under
 * {@code auto.offset.reset=latest}; bounded by {@value #ASSIGNMENT_TIMEOUT_PROPERTY}.</li>
 * <li>After each test method, before Mockito resets the mocks and before a dirty context is
 * closed: waits until the events the test published were handled, so that none is handled
 * during the next test (and counted on its mocks); bounded by
 * {@value #DRAIN_TIMEOUT_PROPERTY}, after which it logs a warning listing them.</li>
 * </ul>
 */
class IntegrationEventTestExecutionListener extends AbstractTestExecutionListener {

	/** How long to wait for the listener containers before each test method. */
	static final String ASSIGNMENT_TIMEOUT_PROPERTY = "momentum.kafka.test.assignment-timeout";

	/** How long to wait for the test's events to be handled after each test method. */
	static final String DRAIN_TIMEOUT_PROPERTY = "momentum.kafka.test.drain-timeout";

	static final Duration DEFAULT_ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);

	static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(IntegrationEventTestExecutionListener.class);

	/**
	 * After-methods run in reverse order: a higher order drains before Mockito resets the mocks.
	 */
	@Override
	public int getOrder() {
		return MockitoResetTestExecutionListener.ORDER + 50;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		ConfigurableApplicationContext context = momentumContext(testContext);
		if (context == null) {
			return;
		}
		context.getBean(MomentumKafkaContextCustomizer.RECORDER_BEAN_NAME, IntegrationEventRecorder.class).clear();
		context.getBean(MomentumKafkaContextCustomizer.READINESS_BEAN_NAME, ListenerReadiness.class)
			.awaitReady(duration(context, ASSIGNMENT_TIMEOUT_PROPERTY, DEFAULT_ASSIGNMENT_TIMEOUT),
					ASSIGNMENT_TIMEOUT_PROPERTY);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		ConfigurableApplicationContext context = momentumContext(testContext);
		if (context == null) {
			return;
		}
		Duration timeout = duration(context, DRAIN_TIMEOUT_PROPERTY, DEFAULT_DRAIN_TIMEOUT);
		String pending = context
			.getBean(MomentumKafkaContextCustomizer.RECORDER_BEAN_NAME, IntegrationEventRecorder.class)
			.drain(timeout);
		if (pending != null) {
			logger.warn("Events published by " + testContext.getTestMethod().getName() + " were still not handled "
					+ "after " + timeout + " (" + DRAIN_TIMEOUT_PROPERTY + "); they may be handled during the next "
					+ "test method.\n" + pending);
		}
	}

	private static @Nullable ConfigurableApplicationContext momentumContext(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return null;
		}
		ApplicationContext context = testContext.getApplicationContext();
		if (context instanceof ConfigurableApplicationContext configurable && configurable.isActive()
				&& configurable.getBeanFactory().containsLocalBean(MomentumKafkaContextCustomizer.RECORDER_BEAN_NAME)) {
			return configurable;
		}
		return null;
	}

	private static Duration duration(ConfigurableApplicationContext context, String property, Duration defaultValue) {
		return Binder.get(context.getEnvironment()).bind(property, Duration.class).orElse(defaultValue);
	}

}
