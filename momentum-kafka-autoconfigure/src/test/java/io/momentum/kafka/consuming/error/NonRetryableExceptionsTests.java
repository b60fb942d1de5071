package io.momentum.kafka.consuming.error;

import java.io.IOException;
import java.util.List;

import io.momentum.kafka.cloudevents.UnreadableEventException;
import io.momentum.kafka.consuming.IntegrationEventHandlerException;
import io.momentum.kafka.consuming.error.TestFailures.BusinessException;
import io.momentum.kafka.consuming.error.TestFailures.CheckedBusinessException;
import io.momentum.kafka.consuming.error.TestFailures.InvoiceRejectedException;
import io.momentum.kafka.consuming.error.TestFailures.ListedException;
import io.momentum.kafka.consuming.error.TestFailures.ListedSubclassException;
import io.momentum.kafka.consuming.error.TestFailures.TransientException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NonRetryableExceptionsTests {

	private final NonRetryableExceptions nonRetryable = new NonRetryableExceptions(List.of(ListedException.class,
			IOException.class));

	@Test
	void annotatedExceptionsAndTheirSubclassesAreNotRetried() {
		assertThat(this.nonRetryable).accepts(new BusinessException("x"), new InvoiceRejectedException("x"),
				new CheckedBusinessException("x"));
	}

	@Test
	void listedExceptionsAndTheirSubclassesAreNotRetried() {
		assertThat(this.nonRetryable).accepts(new ListedException("x"), new ListedSubclassException("x"),
				new java.io.FileNotFoundException("x"));
	}

	@Test
	void unreadableRecordsAreNotRetried() {
		assertThat(this.nonRetryable).accepts(new UnreadableEventException("not a CloudEvent"));
	}

	@Test
	void rulesApplyToCausesAtAnyDepth() {
		assertThat(this.nonRetryable).accepts(
				new ListenerExecutionFailedException("Listener failed", "group",
						new IntegrationEventHandlerException("handler", new CheckedBusinessException("x"))),
				new ListenerExecutionFailedException("Listener failed", "group",
						new IllegalStateException("a", new RuntimeException("b", new ListedSubclassException("c")))),
				new ListenerExecutionFailedException("Listener failed", "group",
						new UnreadableEventException("bad", new IllegalArgumentException())));
	}

	@Test
	void otherExceptionsAreRetried() {
		assertThat(this.nonRetryable).rejects(new TransientException("x"), new IllegalStateException("x"),
				new ListenerExecutionFailedException("Listener failed", "group", new TransientException("x")), null);
		assertThat(new NonRetryableExceptions(List.of())).rejects(new ListedException("x"));
	}

	@Test
	void causeCyclesEnd() {
		RuntimeException first = new RuntimeException("first");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		assertThat(this.nonRetryable).rejects(second);
	}

	@Test
	void emptyEntryFailsNamingTheKey() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NonRetryableExceptions(java.util.Arrays.asList(ListedException.class, null)))
			.withMessageContaining("momentum.kafka.retry.non-retryable-exceptions");
	}

}
