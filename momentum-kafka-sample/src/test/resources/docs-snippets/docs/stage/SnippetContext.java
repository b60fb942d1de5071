package docs.stage;

import java.util.UUID;

import io.momentum.kafka.publishing.IntegrationEventPublisher;
import io.momentum.kafka.test.IntegrationEventRecorder;

/**
 * What the documentation's statement snippets take from the page around them: a snippet made of
 * statements, or of members, becomes the body of a class extending this one, so it compiles with
 * the fields of the test class the page showed first. Never run, only compiled by
 * {@code DocsSnippetsTests}.
 */
public abstract class SnippetContext {

	/** {@code docs/testing.md}: the publisher its first test injects. */
	protected IntegrationEventPublisher messageBus;

	/** {@code docs/testing.md}: the recorder its first test injects. */
	protected IntegrationEventRecorder recorder;

	/** {@code docs/testing.md}: the {@code @MockitoBean} handler of its first test. */
	protected CashierHandler cashierHandler;

	/** {@code docs/testing.md}: the event its first test publishes, and what it is made of. */
	protected CashierCreated cashierCreated;

	protected UUID tenantId;

	protected Cashier cashier;

}
