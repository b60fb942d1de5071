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
 * The broker is a bean: inject {@link TestKafkaBroker} to read its bootstrap servers and kind.
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;MomentumKafkaTest
 * class CashierEventsTests {
 *
 *     &#64;Autowired
 *     TestKafkaBroker broker;
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
