package io.momentum.kafka.admin;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * Turns a failed admin request into a sentence a person can act on: what failed (the cluster
 * did not answer, authentication, authorization), with which settings (bootstrap servers,
 * security protocol, SASL mechanism) and which key to check. Never includes credentials.
 */
public final class ClusterFailure {

	/** Kind of failure, for callers that react differently to each. */
	public enum Kind {

		/** The cluster did not answer in time. */
		TIMEOUT,

		/** The client could not authenticate (SASL or TLS). */
		AUTHENTICATION,

		/** The client authenticated but may not do what it asked. */
		AUTHORIZATION,

		/** Anything else. */
		OTHER

	}

	private ClusterFailure() {
	}

	/**
	 * The kind of a failure.
	 * @param failure the failure, possibly wrapped in {@link CompletionException} or
	 * {@link ExecutionException}
	 * @return the kind
	 */
	public static Kind kindOf(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
			return Kind.TIMEOUT;
		}
		if (cause instanceof AuthenticationException) {
			return Kind.AUTHENTICATION;
		}
		if (cause instanceof AuthorizationException) {
			return Kind.AUTHORIZATION;
		}
		return Kind.OTHER;
	}

	/**
	 * Describe a failure of a request the shared admin client made.
	 * @param failure the failure, possibly wrapped
	 * @param client the client that made the request (for its settings, never its credentials)
	 * @param timeout the timeout the request was bounded by
	 * @return one or two sentences naming the cause and what to check
	 */
	public static String describe(Throwable failure, SharedAdminClient client, Duration timeout) {
		Throwable cause = unwrap(failure);
		String protocol = client.securityProtocol();
		String message = switch (kindOf(cause)) {
			case TIMEOUT -> "Kafka did not answer within " + format(timeout) + " at " + client.bootstrapServers()
					+ " (security protocol " + protocol + "): the brokers are down or unreachable, or the client's"
					+ " security settings do not match the listener (a plaintext client on a TLS or SASL port only"
					+ " ever times out: check Kafka.SecurityProtocol)";
			case AUTHENTICATION -> authentication(cause, client, protocol);
			case AUTHORIZATION -> authorization(cause);
			case OTHER -> "Kafka request failed: " + cause.getClass().getSimpleName() + ": " + rootMessage(cause);
		};
		return client.redact(message);
	}

	private static String authentication(Throwable cause, SharedAdminClient client, String protocol) {
		if (cause instanceof UnsupportedSaslMechanismException) {
			return "Kafka authentication failed: the broker does not accept SASL mechanism " + client.saslMechanism()
					+ " (security protocol " + protocol + "; check Kafka.SaslMechanism): " + cause.getMessage();
		}
		if (cause instanceof SslAuthenticationException) {
			return "Kafka authentication failed: TLS handshake failed (security protocol " + protocol
					+ "; check Kafka.SslCaLocation, Kafka.SslEndpointIdentificationAlgorithm and the client"
					+ " certificate): " + rootMessage(cause);
		}
		if (cause instanceof SaslAuthenticationException) {
			return "Kafka authentication failed with SASL mechanism " + client.saslMechanism() + " (security protocol "
					+ protocol + "; check Kafka.SaslUsername and Kafka.SaslPassword): " + cause.getMessage();
		}
		return "Kafka authentication failed (security protocol " + protocol + "): " + rootMessage(cause);
	}

	private static String authorization(Throwable cause) {
		if (cause instanceof TopicAuthorizationException topics) {
			return "Kafka authorization failed: this client may not describe topics " + topics.unauthorizedTopics()
					+ " (grant DESCRIBE on them to the client's principal)";
		}
		if (cause instanceof GroupAuthorizationException group) {
			return "Kafka authorization failed: this client may not describe consumer group '" + group.groupId()
					+ "' (grant DESCRIBE on the group to the client's principal)";
		}
		if (cause instanceof ClusterAuthorizationException) {
			return "Kafka authorization failed: this client may not describe the cluster: " + cause.getMessage();
		}
		return "Kafka authorization failed: " + cause.getMessage();
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root == failure || root.getMessage() == null) ? String.valueOf(failure.getMessage())
				: failure.getMessage() + " (" + root.getMessage() + ")";
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
