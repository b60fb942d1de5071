package com.example.cashiers;

import java.time.Duration;
import java.util.UUID;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.test.IntegrationEventRecorder;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What one test method publishes stays in that test method: the recorder is cleared before each test method, and
 * the events a test published are handled before it ends (before Mockito resets the mocks), so that none is
 * handled during the next test and counted on its mocks.
 */
@SpringBootTest(classes = CashierApplication.class)
@MomentumKafkaTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecorderBetweenTestMethodsIntegrationTests {

	@Autowired
	private IntegrationEventPublisher publisher;

	@Autowired
	private IntegrationEventRecorder recorder;

	@MockitoBean
	private CashierHandler cashierHandler;

	@Test
	@Order(1)
	void publishesWithoutWaitingForAnything() {
		// A slow handler: the event is still being handled when the test method returns.
		willAnswer((invocation) -> {
			Thread.sleep(300);
			return null;
		}).given(this.cashierHandler).on(any(CashierCreated.class));
		this.publisher.publish(new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Early")));
	}

	@Test
	@Order(2)
	void startsWithNothingRecordedAndNoEventOfTheFirstTestReachesItsMocks() {
		assertThat(this.recorder.published()).isEmpty();
		assertThat(this.recorder.consumed()).isEmpty();
		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			verifyNoInteractions(this.cashierHandler);
			assertThat(this.recorder.consumed()).isEmpty();
		});
	}

}
