package io.momentum.kafka.it.reliability.app;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import io.momentum.kafka.annotation.IntegrationEventHandler;
import io.momentum.kafka.consuming.EventMetadata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Handles {@link PaymentRecorded}: reports it to {@link HandledEvents}, after an optional pause
 * ({@code ledger.handler-pause}) that stands for real work and makes a batch take long enough to be interrupted.
 */
@Component
class PaymentHandler {

	private final HandledEvents handledEvents;

	private final long pauseNanos;

	PaymentHandler(HandledEvents handledEvents, @Value("${ledger.handler-pause:0ms}") Duration pause) {
		this.handledEvents = handledEvents;
		this.pauseNanos = pause.toNanos();
	}

	@IntegrationEventHandler
	void on(PaymentRecorded event, EventMetadata metadata) {
		if (this.pauseNanos > 0) {
			LockSupport.parkNanos(this.pauseNanos);
		}
		this.handledEvents.handled(event, metadata);
	}

}
