package io.momentum.kafka.consuming.error;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.momentum.kafka.consuming.Consumption;
import io.momentum.kafka.consuming.ConsumptionObserver;

/**
 * Every outcome the library reports, in the order reported: the seam metrics use.
 */
class Outcomes implements ConsumptionObserver, ConsumptionFailureObserver {

	final List<Consumption> handled = new CopyOnWriteArrayList<>();

	final List<Consumption> skipped = new CopyOnWriteArrayList<>();

	final List<ConsumptionFailure> retried = new CopyOnWriteArrayList<>();

	final List<ConsumptionFailure> deadLettered = new CopyOnWriteArrayList<>();

	final List<ConsumptionFailure> deadLetterFailed = new CopyOnWriteArrayList<>();

	@Override
	public void onHandled(Consumption consumption) {
		this.handled.add(consumption);
	}

	@Override
	public void onSkipped(Consumption consumption) {
		this.skipped.add(consumption);
	}

	@Override
	public void onRetried(ConsumptionFailure failure) {
		this.retried.add(failure);
	}

	@Override
	public void onDeadLettered(ConsumptionFailure failure) {
		this.deadLettered.add(failure);
	}

	@Override
	public void onDeadLetterFailed(ConsumptionFailure failure, Exception deadLetterFailure) {
		this.deadLetterFailed.add(failure);
	}

	/**
	 * Records finished: handled, skipped or dead-lettered.
	 */
	int finished() {
		return this.handled.size() + this.skipped.size() + this.deadLettered.size();
	}

}
