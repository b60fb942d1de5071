package com.example.cashiers;

import java.time.Duration;
import java.util.UUID;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.publishing.PublishResult;
import io.momentum.kafka.test.ConsumedEvent.Outcome;
import io.momentum.kafka.test.IntegrationEventRecorder;
import io.momentum.kafka.test.MomentumKafkaTest;
import io.momentum.kafka.test.TestKafkaBroker;
import io.momentum.kafka.test.broker.ExternalBrokerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The seed's test with the broker named by {@code momentum.kafka.test.bootstrap-servers} (as
 * {@code MOMENTUM_KAFKA_BOOTSTRAP_SERVERS} names a shared cluster in CI): here a broker running in its own process.
 * The recorder and the start-up wait work the same as with the in-JVM broker.
 */
// Declared before @SpringBootTest: its beforeAll names the broker before Spring prepares the test context, and its
// afterAll runs after Spring closed the context.
@ExtendWith(ExternalBrokerProcess.class)
@SpringBootTest(classes = CashierApplication.class)
@MomentumKafkaTest
@DirtiesContext
class CashierExternalBrokerIntegrationTests {

	@Autowired
	private TestKafkaBroker broker;

	@Autowired
	private IntegrationEventPublisher messageBus;

	@Autowired
	private IntegrationEventRecorder recorder;

	@MockitoBean
	private CashierHandler cashierHandler;

	@Test
	void eventPublishedInTheFirstLineIsHandledOnceByTheMockedHandler() {
		CashierCreated cashierCreated = new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "Linus"));
		PublishResult result = this.messageBus.publishAndWait(cashierCreated);

		assertThat(this.recorder.awaitHandled(result, Duration.ofSeconds(20)).outcome()).isEqualTo(Outcome.SUCCESS);
		verify(this.cashierHandler, times(1)).on(cashierCreated);
		assertThat(this.broker.kind()).isEqualTo(TestKafkaBroker.Kind.EXTERNAL);
		assertThat(this.broker.bootstrapServers()).isEqualTo(ExternalBrokerProcess.process().bootstrapServers());
	}

}
