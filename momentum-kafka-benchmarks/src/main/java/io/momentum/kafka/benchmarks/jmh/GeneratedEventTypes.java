package io.momentum.kafka.benchmarks.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.momentum.kafka.annotation.EventTopic;
import io.momentum.kafka.annotation.PartitionKey;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.Type;

/**
 * Writes class files of generated event types, as a service with many events has them: records
 * {@code @EventTopic(value = ThingN.class, domain = "gen") record GeneratedNHappened(@PartitionKey UUID tenantId,
 * String name)} and their entity classes, spread over 20 packages. Compiling sources would dominate the setup time,
 * so the class files are written with ASM.
 */
final class GeneratedEventTypes {

	/** The package the types are generated in, and below. */
	static final String BASE_PACKAGE = "gen.events";

	private GeneratedEventTypes() {
	}

	/**
	 * Write {@code count} event types (and as many entity classes) under {@code root}.
	 * @param root the class path root
	 * @param count the number of event types
	 */
	static void write(Path root, int count) throws IOException {
		for (int i = 0; i < count; i++) {
			String packageName = BASE_PACKAGE.replace('.', '/') + "/p" + (i % 20) + "/";
			String entity = packageName + "Thing" + i;
			write(root, entity, entityClass(entity));
			write(root, packageName + "Generated" + i + "Happened", eventRecord(packageName + "Generated" + i + "Happened",
					entity));
		}
	}

	private static void write(Path root, String internalName, byte[] bytes) throws IOException {
		Path file = root.resolve(internalName + ".class");
		Files.createDirectories(file.getParent());
		Files.write(file, bytes);
	}

	private static byte[] entityClass(String internalName) {
		ClassWriter writer = new ClassWriter(0);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, internalName, null, "java/lang/Object", null);
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static byte[] eventRecord(String internalName, String entityInternalName) {
		String uuid = Type.getDescriptor(UUID.class);
		String string = Type.getDescriptor(String.class);
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_RECORD,
				internalName, null, "java/lang/Record", null);
		AnnotationVisitor eventTopic = writer.visitAnnotation(Type.getDescriptor(EventTopic.class), true);
		eventTopic.visit("value", Type.getObjectType(entityInternalName));
		eventTopic.visit("domain", "gen");
		eventTopic.visitEnd();
		RecordComponentVisitor tenantId = writer.visitRecordComponent("tenantId", uuid, null);
		tenantId.visitAnnotation(Type.getDescriptor(PartitionKey.class), true).visitEnd();
		tenantId.visitEnd();
		writer.visitRecordComponent("name", string, null).visitEnd();
		writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "tenantId", uuid, null, null).visitEnd();
		writer.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "name", string, null, null).visitEnd();
		MethodVisitor constructor = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "(" + uuid + string + ")V", null,
				null);
		constructor.visitAnnotableParameterCount(2, true);
		constructor.visitParameterAnnotation(0, Type.getDescriptor(PartitionKey.class), true).visitEnd();
		constructor.visitCode();
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Record", "<init>", "()V", false);
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitVarInsn(Opcodes.ALOAD, 1);
		constructor.visitFieldInsn(Opcodes.PUTFIELD, internalName, "tenantId", uuid);
		constructor.visitVarInsn(Opcodes.ALOAD, 0);
		constructor.visitVarInsn(Opcodes.ALOAD, 2);
		constructor.visitFieldInsn(Opcodes.PUTFIELD, internalName, "name", string);
		constructor.visitInsn(Opcodes.RETURN);
		constructor.visitMaxs(0, 0);
		constructor.visitEnd();
		accessor(writer, internalName, "tenantId", uuid);
		accessor(writer, internalName, "name", string);
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static void accessor(ClassWriter writer, String owner, String name, String descriptor) {
		MethodVisitor accessor = writer.visitMethod(Opcodes.ACC_PUBLIC, name, "()" + descriptor, null, null);
		accessor.visitCode();
		accessor.visitVarInsn(Opcodes.ALOAD, 0);
		accessor.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
		accessor.visitInsn(Opcodes.ARETURN);
		accessor.visitMaxs(0, 0);
		accessor.visitEnd();
	}

}
