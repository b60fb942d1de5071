package io.momentum.kafka.test;

import org.apache.kafka.common.utils.AppInfoParser;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers branch, in its own class so that nothing loads Testcontainers types unless it is present.
 */
final class TestcontainersKafka {

	private TestcontainersKafka() {
	}

	static boolean dockerAvailable() {
		return DockerClientFactory.instance().isDockerAvailable();
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
	static String start(@Nullable String image) {
		String name = (image != null) ? image : "apache/kafka:" + AppInfoParser.getVersion();
		KafkaContainer container = new KafkaContainer(DockerImageName.parse(name));
		container.start();
		return container.getBootstrapServers();
	}

}
