package io.momentum.kafka.topic;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;
import io.momentum.kafka.testevents.billing.InvoicePaid;
import io.momentum.kafka.testevents.billing.InvoiceVoided;
import io.momentum.kafka.testevents.billing.ledger.LedgerEntryPosted;
import io.momentum.kafka.testevents.billing.ledger.override.AccountClosed;
import io.momentum.kafka.testevents.invalid.abstracttype.AbstractEvent;
import io.momentum.kafka.testevents.nokey.AuditLogged;
import io.momentum.kafka.testevents.nokey.TenantTagged;
import io.momentum.kafka.testevents.payments.events.RefundIssued;
import io.momentum.kafka.testevents.seed.CashierCreated;
import io.momentum.kafka.testevents.seed.EmailSent;
import io.momentum.kafka.testevents.seed.InvoiceUpdated;
import io.momentum.kafka.testevents.seed.OrderValidated;
import io.momentum.kafka.testevents.seed.PaymentProcessed;
import io.momentum.kafka.testevents.seed.UserCreated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeScannerTests {

	private final EventTypeScanner scanner = new EventTypeScanner();

	@Test
	void findsAnnotatedRecordsOnlySortedByName() {
		assertThat(this.scanner.scan(List.of("io.momentum.kafka.testevents.seed"))).containsExactly(
				CashierCreated.class, EmailSent.class, InvoiceUpdated.class, OrderValidated.class,
				PaymentProcessed.class, UserCreated.class);
	}

	@Test
	void findsSubPackagesNestedTypesAndPlainClasses() {
		assertThat(this.scanner.scan(List.of("io.momentum.kafka.testevents.billing", "io.momentum.kafka.testevents.payments",
				"io.momentum.kafka.testevents.nokey")))
			.containsExactly(InvoicePaid.class, InvoiceVoided.class, LedgerEntryPosted.class, AccountClosed.class,
					AuditLogged.class, TenantTagged.class, RefundIssued.class);
	}

	@Test
	void overlappingPackagesGiveEachTypeOnce() {
		assertThat(this.scanner.scan(List.of("io.momentum.kafka.testevents.billing",
				"io.momentum.kafka.testevents.billing.ledger", " io.momentum.kafka.testevents.billing ", "")))
			.containsExactly(InvoicePaid.class, InvoiceVoided.class, LedgerEntryPosted.class, AccountClosed.class);
	}

	@Test
	void returnsAbstractTypesSoTheCatalogCanRefuseThem() {
		assertThat(this.scanner.scan(List.of("io.momentum.kafka.testevents.invalid.abstracttype")))
			.containsExactly(AbstractEvent.class);
	}

	@Test
	void packageWithoutEventsGivesNothing() {
		assertThat(this.scanner.scan(List.of("io.momentum.kafka.partitioning", "com.example.nothing.here"))).isEmpty();
	}

	/**
	 * Generates 1,000 event classes in 20 packages (class files written with ASM: compiling
	 * sources would dominate the test's time), then discovers them and builds the catalog. Prints
	 * the time taken, for the record; the benchmark module measures it properly.
	 */
	@Test
	void discoversAThousandGeneratedEventTypes(@TempDir Path classes) throws Exception {
		int count = 1000;
		for (int i = 0; i < count; i++) {
			String packageName = "gen/events/p" + (i % 20) + "/";
			write(classes, packageName + "Thing" + i, entityClass(packageName + "Thing" + i));
			write(classes, packageName + "Generated" + i + "Happened",
					eventClass(packageName + "Generated" + i + "Happened", packageName + "Thing" + i));
		}
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			EventTypeScanner scanner = new EventTypeScanner(new DefaultResourceLoader(classLoader),
					new StandardEnvironment());
			long start = System.nanoTime();
			List<Class<?>> types = scanner.scan(List.of("gen.events"));
			long scanned = System.nanoTime();
			EventCatalog catalog = new EventCatalogFactory(
					new TopicNameResolver(new EnvironmentName("dev"), null, "gen-api"), null, null)
				.create(types);
			long built = System.nanoTime();
			assertThat(types).hasSize(count);
			assertThat(catalog.events()).hasSize(count);
			assertThat(catalog.topics()).hasSize(count).contains("dev.gen.public.thing999s");
			assertThat(catalog.events()).allSatisfy((event) -> assertThat(event.partitionKey().components())
				.containsExactly("tenantId"));
			System.out.printf("Discovery of %d generated event types: scan %d ms, catalog %d ms%n", count,
					(scanned - start) / 1_000_000, (built - scanned) / 1_000_000);
		}
	}

	private static void write(Path root, String internalName, byte[] bytes) throws IOException {
		Path file = root.resolve(internalName + ".class");
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
	}

	private static byte[] entityClass(String internalName) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object",
				null);
		writer.visitEnd();
		return writer.toByteArray();
	}

	/**
	 * {@code @EventTopic(value = Thing.class, domain = "gen") public final class XHappened {
	 * @PartitionKey public final UUID tenantId; }}.
	 */
	private static byte[] eventClass(String internalName, String entityInternalName) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, internalName, null,
				"java/lang/Object", null);
		AnnotationVisitor eventTopic = writer.visitAnnotation(Type.getDescriptor(EventTopic.class), true);
		eventTopic.visit("value", Type.getObjectType(entityInternalName));
		eventTopic.visit("domain", "gen");
		eventTopic.visitEnd();
		FieldVisitor field = writer.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, "tenantId",
				Type.getDescriptor(UUID.class), null, null);
		field.visitAnnotation(Type.getDescriptor(PartitionKey.class), true).visitEnd();
		field.visitEnd();
		MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		constructor.visitCode();
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		constructor.visitInsn(Opcodes.RETURN);
		constructor.visitMaxs(1, 1);
		constructor.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

}
