package io.momentum.kafka.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test (typically a {@code @SpringBootTest}) a real Kafka broker and sets
 * {@code ConnectionStrings.Messaging} to it, which switches Momentum Kafka on.
 * <p>
 * The broker is chosen in this order (see {@link TestKafkaBrokers}):
 * <ol>
 * <li>an external broker named by the system property {@value TestKafkaBrokers#BOOTSTRAP_SERVERS_PROPERTY} or the
 * environment variable {@value TestKafkaBrokers#BOOTSTRAP_SERVERS_ENVIRONMENT_VARIABLE};</li>
 * <li>a Testcontainers {@code apache/kafka} container when Testcontainers is on the class path and a Docker engine
 * answers;</li>
 * <li>otherwise a KRaft broker inside the test JVM ({@code EmbeddedKafkaKraftBroker}).</li>
 * </ol>
 * One container or in-JVM broker serves every test class of the JVM. Test contexts do not see each other's topics
 * or offsets: unless {@link #isolated()} is off, each context gets its own topic environment segment
 * ({@code momentum.kafka.environment}, for example {@code test-k3f9a0qz}, kept whole by an
 * {@code environment-aliases} entry) and its own consumer group ({@code momentum.kafka.consumer.group-id}).
 * <p>
 * The broker is a bean: inject {@link TestKafkaBroker} to read its bootstrap servers and kind. So is an
 * {@link IntegrationEventRecorder}, which sees the events the application publishes and handles and waits for them.
 * Before each test method the recorder is cleared and the application's integration event listener containers are
 * awaited until they know their positions in all their partitions, so that an event published in the first line
 * of a test is not missed under {@code auto.offset.reset=latest}; after each test method the events it published
 * are awaited, so that none is handled during the next test.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;MomentumKafkaTest
 * class CashierIntegrationTests {
 *
 *     &#64;Autowired
 *     IntegrationEventPublisher messageBus;
 *
 *     &#64;Autowired
 *     IntegrationEventRecorder recorder;
 *
 *     &#64;MockitoBean
 *     CashierHandler cashierHandler;
 *
 *     &#64;Test
 *     void shouldProcessIntegrationEvent() {
 *         CashierCreated cashierCreated = new CashierCreated(UUID.randomUUID(), new Cashier(UUID.randomUUID(), "John"));
 *         messageBus.publishAndWait(cashierCreated);
 *         recorder.awaitAllPublishedHandled(Duration.ofSeconds(10));
 *         verify(cashierHandler, times(1)).on(cashierCreated);
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface MomentumKafkaTest {

	/**
	 * Whether each test context gets its own topic environment segment and consumer group. These properties take
	 * precedence over the application's configuration and the test's own properties; turn isolation off to set
	 * {@code momentum.kafka.environment} and the group id yourself.
	 * @return whether the test context is isolated by names
	 */
	boolean isolated() default true;

}
