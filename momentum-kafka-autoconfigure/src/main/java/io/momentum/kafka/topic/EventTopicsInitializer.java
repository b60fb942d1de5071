package io.momentum.kafka.topic;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs once every singleton exists and before any lifecycle bean starts (so before listener
 * containers and the web server): logs the {@link EventCatalogReport} at INFO, warns once about
 * event types without a partition key, then provisions the topics unless provisioning is off.
 */
public class EventTopicsInitializer implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(EventTopicsInitializer.class);

	private final EventCatalog catalog;

	private final EventCatalogReport report;

	private final @Nullable TopicProvisioner provisioner;

	/**
	 * Create an initializer.
	 * @param catalog the event catalog
	 * @param report the startup report
	 * @param provisioner the provisioner, or {@code null} when
	 * {@code momentum.kafka.topics.provision=false}
	 */
	public EventTopicsInitializer(EventCatalog catalog, EventCatalogReport report,
			@Nullable TopicProvisioner provisioner) {
		this.catalog = catalog;
		this.report = report;
		this.provisioner = provisioner;
	}

	@Override
	public void afterSingletonsInstantiated() {
		logger.info(this.report.render());
		this.report.noKeyWarning().ifPresent(logger::warn);
		if (this.provisioner != null) {
			this.provisioner.provision(this.catalog);
		}
		else if (!this.catalog.events().isEmpty()) {
			logger.info("Topic provisioning is off (momentum.kafka.topics.provision=false): no topics are created");
		}
	}

}
