package io.momentum.kafka.topic;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * Customizes a topic before the {@link TopicProvisioner} creates it, for example to set
 * {@code min.insync.replicas} or a longer {@code retention.ms} on dead-letter topics. Declare it
 * as a bean; existing topics are never changed.
 *
 * <pre class="code">
 * &#64;Bean
 * NewTopicCustomizer deadLetterRetention() {
 *     return (topic, deadLetter) -&gt; {
 *         if (deadLetter) {
 *             topic.configs(Map.of("retention.ms", "1209600000"));
 *         }
 *     };
 * }
 * </pre>
 */
@FunctionalInterface
public interface NewTopicCustomizer {

	/**
	 * Customize a topic about to be created.
	 * @param topic the topic, with its name, partitions and replication factor set
	 * @param deadLetter whether it is a dead-letter topic
	 */
	void customize(NewTopic topic, boolean deadLetter);

}
