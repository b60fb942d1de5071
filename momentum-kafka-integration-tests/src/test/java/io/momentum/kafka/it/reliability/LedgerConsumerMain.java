package io.momentum.kafka.it.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.momentum.kafka.consuming.EventMetadata;
import io.momentum.kafka.it.reliability.app.HandledEvents;
import io.momentum.kafka.it.reliability.app.LedgerApplication;
import io.momentum.kafka.it.reliability.app.PaymentRecorded;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs {@link LedgerApplication} in a JVM of its own, so that a test can SIGKILL a consuming service in the middle
 * of a batch. Each handled event is written as {@code id,partition,offset} to the file named by
 * {@value #HANDLED_FILE_PROPERTY}, one unbuffered write per event before the handler returns: what the handler
 * finished survives the kill, in the page cache.
 * <p>
 * Arguments are Spring Boot command-line properties ({@code --key=value}). The JVM halts when the JVM named by the
 * system property {@value #PARENT_PID_PROPERTY} exits.
 */
public final class LedgerConsumerMain {

	static final String HANDLED_FILE_PROPERTY = "ledger.handled-file";

	static final String PARENT_PID_PROPERTY = "ledger.parent-pid";

	private LedgerConsumerMain() {
	}

	public static void main(String[] args) throws IOException {
		String parentPid = System.getProperty(PARENT_PID_PROPERTY);
		if (parentPid != null) {
			Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid));
			if (parent.isEmpty()) {
				Runtime.getRuntime().halt(3);
			}
			parent.get().onExit().thenRun(() -> Runtime.getRuntime().halt(3));
		}
		String file = null;
		for (String arg : args) {
			if (arg.startsWith("--" + HANDLED_FILE_PROPERTY + "=")) {
				file = arg.substring(HANDLED_FILE_PROPERTY.length() + 3);
			}
		}
		if (file == null) {
			throw new IllegalArgumentException("--" + HANDLED_FILE_PROPERTY + "=<file> is required");
		}
		FileOutputStream out = new FileOutputStream(file, true);
		new SpringApplicationBuilder(LedgerApplication.class)
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("handledEvents", new FileHandledEvents(out)))
			.run(args);
	}

	private record FileHandledEvents(FileOutputStream out) implements HandledEvents {

		@Override
		public synchronized void handled(PaymentRecorded event, EventMetadata metadata) {
			try {
				this.out.write((metadata.id() + "," + metadata.partition() + "," + metadata.offset() + "\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
