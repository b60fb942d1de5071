package com.example.cashiers;

import java.time.Duration;
import java.util.UUID;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.IntegrationEventRecorder;
import io.momentum.kafka.test.MomentumKafkaTest;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event published in the first line of a test, right after a fresh application context started with a fresh
 * consumer group under {@code auto.offset.reset=latest}, is handled: {@code @MomentumKafkaTest} waits until the
 * listener containers know their positions before the test method runs. Repeated with 50 fresh contexts.
 */
@SpringBootTest(classes = CashierApplication.class)
@MomentumKafkaTest
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class FirstLinePublishIntegrationTests {

	@Autowired
	private IntegrationEventPublisher publisher;

	@Autowired
	private IntegrationEventRecorder recorder;

	@Autowired
	private CashierHandlers handlers;

	@RepeatedTest(50)
	void eventPublishedInTheFirstLineIsNeverMissed() {
		PublishResult result = this.publisher
			.publishAndWait(new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "First")));

		this.recorder.awaitHandled(result, Duration.ofSeconds(10));
		assertThat(this.recorder.published(CashierCreated.class)).singleElement()
			.satisfies((published) -> assertThat(this.handlers.knows(published.event().cashier().id())).isTrue());
	}

}
