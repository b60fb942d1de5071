package io.momentum.kafka.consuming.error;

/**
 * Adjusts the auto-configured {@link IntegrationEventErrorHandler} before any container uses it;
 * the Java form of Momentum's {@code opts.Policies}. For example, a timeout from a downstream
 * service is retried with its own back-off, and a validation failure goes to the dead-letter topic
 * at once:
 *
 * <pre class="code">
 * &#64;Bean
 * IntegrationEventErrorHandlerCustomizer failurePolicies() {
 *     return (errorHandler) -&gt; {
 *         errorHandler.addNotRetryableExceptions(ValidationException.class);
 *         errorHandler.setBackOffFunction((record, exception) -&gt;
 *             (exception.getCause() instanceof SocketTimeoutException) ? new FixedBackOff(5000, 5) : null);
 *     };
 * }
 * </pre>
 * Customizers are not applied to a {@code CommonErrorHandler} bean of the application's, which
 * replaces ours.
 */
@FunctionalInterface
public interface IntegrationEventErrorHandlerCustomizer {

	/**
	 * Customize the error handler.
	 * @param errorHandler the error handler
	 */
	void customize(IntegrationEventErrorHandler errorHandler);

}
