package io.momentum.kafka.admin;

import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClusterFailure}.
 */
class ClusterFailureTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final SharedAdminClient client = new SharedAdminClient(() -> Map.of("bootstrap.servers",
			"broker-1:9093", "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-256", "sasl.jaas.config",
			"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"pw-1234\";"));

	@Test
	void timeoutNamesAddressProtocolAndThePlaintextOnTlsPortTrap() {
		String reason = ClusterFailure.describe(new CompletionException(new TimeoutException()), this.client,
				TIMEOUT);

		assertThat(ClusterFailure.kindOf(new ExecutionException(
				new org.apache.kafka.common.errors.TimeoutException("Timed out waiting for a node assignment"))))
			.isEqualTo(ClusterFailure.Kind.TIMEOUT);
		assertThat(reason).isEqualTo("Kafka did not answer within 3s at broker-1:9093 (security protocol SASL_SSL):"
				+ " the brokers are down or unreachable, or the client's security settings do not match the listener"
				+ " (a plaintext client on a TLS or SASL port only ever times out: check Kafka.SecurityProtocol)");
	}

	@Test
	void tlsHandshakeFailureSaysAuthenticationFailedWithTheRootCause() {
		SslAuthenticationException failure = new SslAuthenticationException("SSL handshake failed",
				new SSLHandshakeException("PKIX path building failed"));

		String reason = ClusterFailure.describe(new ExecutionException(failure), this.client, TIMEOUT);

		assertThat(ClusterFailure.kindOf(failure)).isEqualTo(ClusterFailure.Kind.AUTHENTICATION);
		assertThat(reason).startsWith("Kafka authentication failed: TLS handshake failed (security protocol SASL_SSL;")
			.endsWith("SSL handshake failed (PKIX path building failed)");
	}

	@Test
	void saslFailureNamesTheMechanismAndNeverTheCredentials() {
		String reason = ClusterFailure.describe(
				new SaslAuthenticationException("Authentication failed: Invalid username or password (pw-1234)"),
				this.client, TIMEOUT);

		assertThat(reason).isEqualTo("Kafka authentication failed with SASL mechanism SCRAM-SHA-256 (security"
				+ " protocol SASL_SSL; check Kafka.SaslUsername and Kafka.SaslPassword): Authentication failed:"
				+ " Invalid username or password (******)");
	}

	@Test
	void unsupportedMechanismNamesTheKeyToCheck() {
		String reason = ClusterFailure.describe(new UnsupportedSaslMechanismException("Client SASL mechanism"
				+ " 'SCRAM-SHA-256' not enabled in the server"), this.client, TIMEOUT);

		assertThat(reason).startsWith("Kafka authentication failed: the broker does not accept SASL mechanism"
				+ " SCRAM-SHA-256 (security protocol SASL_SSL; check Kafka.SaslMechanism)");
	}

	@Test
	void authorizationFailureSaysWhichResource() {
		String reason = ClusterFailure.describe(new GroupAuthorizationException("denied", "billing-api"), this.client,
				TIMEOUT);

		assertThat(ClusterFailure.kindOf(new GroupAuthorizationException("denied", "billing-api")))
			.isEqualTo(ClusterFailure.Kind.AUTHORIZATION);
		assertThat(reason).isEqualTo("Kafka authorization failed: this client may not describe consumer group"
				+ " 'billing-api' (grant DESCRIBE on the group to the client's principal)");
	}

	@Test
	void otherFailuresKeepTheirTypeAndRootMessage() {
		String reason = ClusterFailure.describe(
				new IllegalStateException("outer", new CertificateException("bad file")), this.client, TIMEOUT);

		assertThat(ClusterFailure.kindOf(new IllegalStateException())).isEqualTo(ClusterFailure.Kind.OTHER);
		assertThat(reason).isEqualTo("Kafka request failed: IllegalStateException: outer (bad file)");
	}

}
