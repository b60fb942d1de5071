package io.momentum.kafka.health;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.momentum.kafka.admin.SharedAdminClient;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KafkaHealthIndicator} when the broker it was talking to goes away: DOWN within the
 * timeout, and concurrent checks share one request to the cluster.
 */
class KafkaHealthIndicatorBrokerDownIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final long BOUND_MILLIS = TIMEOUT.toMillis() + 1000;

	private static EmbeddedKafkaKraftBroker broker;

	private static boolean destroyed;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1, "dev.appdomain.public.cashiers",
				"dev.appdomain.public.cashiers.dead-letter");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		if (!destroyed) {
			broker.destroy();
		}
	}

	@Test
	void whenBrokerGoesAwayThenEveryCheckIsDownWithinTimeoutAndConcurrentChecksShareOneRequest() throws Exception {
		AtomicInteger describeClusterCalls = new AtomicInteger();
		String bootstrapServers = broker.getBrokersAsString();
		SharedAdminClient adminClient = new SharedAdminClient(() -> Map.of("bootstrap.servers", bootstrapServers),
				(config) -> countingDescribeCluster(Admin.create(config), describeClusterCalls));
		KafkaHealthIndicator indicator = new KafkaHealthIndicator(adminClient,
				() -> Set.of("dev.appdomain.public.cashiers", "dev.appdomain.public.cashiers.dead-letter"), List::of,
				TIMEOUT);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

		broker.destroy();
		destroyed = true;

		long start = System.nanoTime();
		Health health = indicator.health();
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(elapsedMillis).isLessThanOrEqualTo(BOUND_MILLIS);
		assertThat((String) health.getDetails().get("reason")).startsWith("Kafka did not answer within 1s at ")
			.contains("a plaintext client on a TLS or SASL port only ever times out");

		describeClusterCalls.set(0);
		List<Timed> results = concurrently(20, indicator::health);
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(result.millis()).isLessThanOrEqualTo(BOUND_MILLIS);
		});
		assertThat(describeClusterCalls).hasValue(1);

		indicator.close();
		adminClient.close();
	}

	private static List<Timed> concurrently(int callers, Callable<Health> check) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<Timed>> futures = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				futures.add(executor.submit(() -> {
					gate.await();
					long start = System.nanoTime();
					Health health = check.call();
					return new Timed(health, (System.nanoTime() - start) / 1_000_000);
				}));
			}
			gate.countDown();
			List<Timed> results = new ArrayList<>();
			for (Future<Timed> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	static Admin countingDescribeCluster(Admin admin, AtomicInteger calls) {
		return (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] { Admin.class },
				(proxy, method, args) -> {
					if (method.getName().equals("describeCluster")) {
						calls.incrementAndGet();
					}
					try {
						return method.invoke(admin, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private record Timed(Health health, long millis) {
	}

}
