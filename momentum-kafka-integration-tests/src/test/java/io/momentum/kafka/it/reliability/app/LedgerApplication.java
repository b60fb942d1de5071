package io.momentum.kafka.it.reliability.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The service the reliability suite runs: it publishes {@link PaymentRecorded} events and handles them with
 * {@link PaymentHandler}. Each scenario starts it with its own properties (broker, security, timeouts) and its own
 * {@link HandledEvents} bean, so that what the handler saw outlives a context that is closed or killed.
 */
@SpringBootApplication
public class LedgerApplication {

}
