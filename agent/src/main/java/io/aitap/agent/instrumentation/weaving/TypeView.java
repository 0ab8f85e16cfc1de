package io.aitap.agent.instrumentation.weaving;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A class about to be defined, as its class file shows it, and the classes and interfaces above it
 * as its loader's resources show them. Nothing is loaded: asking a loader for a class from inside
 * the loading of another could load it before its own transformation, or not at all.
 *
 * <p>The JDK's own types ({@code java.*}) are never read: no client's hooks depend on one.
 */
public final class TypeView {

  private final String internalName;
  private final ClassReader reader;
  private final ClassLoader loader;
  /** Every class file read for this view, by internal name; null for one that could not be read. */
  private final Map<String, ClassReader> read = new HashMap<>();

  private TypeView(String internalName, ClassReader reader, ClassLoader loader) {
    this.internalName = internalName;
    this.reader = reader;
    this.loader = loader;
    read.put(internalName, reader);
  }

  /** The class of this slash-separated name, from its class file, defined by {@code loader} (null: the JDK's). */
  public static TypeView of(String internalName, byte[] classFile, ClassLoader loader) {
    return new TypeView(internalName, new ClassReader(classFile), loader);
  }

  /** The class file, parsed once for the matching and the weaving. */
  ClassReader classFile() {
    return reader;
  }

  /** The dotted name. */
  public String name() {
    return internalName.replace('/', '.');
  }

  public boolean isInterface() {
    return (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0;
  }

  /** Whether the class itself declares a method of this name. */
  public boolean declaresMethod(String method) {
    return declares(reader, method);
  }

  /** Whether the class is, extends or implements the type of this dotted name. */
  public boolean hasSuperType(String typeName) {
    return hasSuperType(typeName, null);
  }

  /**
   * Whether the class is, extends or implements the type of this dotted name, and that type
   * declares a method named {@code method}.
   */
  public boolean hasSuperType(String typeName, String method) {
    String wanted = typeName.replace('.', '/');
    Deque<String> pending = new ArrayDeque<>();
    pending.add(internalName);
    while (!pending.isEmpty()) {
      String name = pending.poll();
      ClassReader type = read(name);
      if (type == null) {
        continue;
      }
      if (name.equals(wanted)) {
        return method == null || declares(type, method);
      }
      String superName = type.getSuperName();
      if (superName != null && !superName.startsWith("java/")) {
        pending.add(superName);
      }
      for (String implemented : type.getInterfaces()) {
        if (!implemented.startsWith("java/")) {
          pending.add(implemented);
        }
      }
    }
    return false;
  }

  private ClassReader read(String name) {
    if (read.containsKey(name)) {
      return read.get(name);
    }
    ClassReader type = null;
    ClassLoader from = loader != null ? loader : ClassLoader.getPlatformClassLoader();
    try (InputStream in = from.getResourceAsStream(name + ".class")) {
      if (in != null) {
        type = new ClassReader(in);
      }
    } catch (IOException | RuntimeException e) {
      // a class file that cannot be read matches nothing
    }
    read.put(name, type);
    return type;
  }

  private static boolean declares(ClassReader type, String method) {
    boolean[] found = {false};
    type.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            found[0] |= name.equals(method);
            return null;
          }
        },
        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found[0];
  }
}
