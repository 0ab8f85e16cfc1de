package io.aitap.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Defines the {@code io.aitap.bootstrap} classes in the bootstrap class loader. They travel inside
 * the agent jar (appending the agent jar itself to the bootstrap search path would make the
 * bootstrap loader define every agent class, out of reach of the application's types).
 *
 * <p>They are defined directly through the JDK's internal {@code Unsafe}, exported to the agent
 * for this. Appending a jar to the bootstrap search path would also work, but makes the JVM turn
 * class data sharing off for application classes and say so on the application's stderr; that is
 * only the fallback.
 */
final class BootstrapInjector {

  /** In dependency order: each class's supertypes come before it. */
  private static final String[] BRIDGE_CLASSES = {
    "io.aitap.bootstrap.Hook", "io.aitap.bootstrap.AitapBridge"
  };

  private BootstrapInjector() {}

  static void inject(Instrumentation instrumentation) throws IOException {
    byte[][] classes = new byte[BRIDGE_CLASSES.length][];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = bytesOf(BRIDGE_CLASSES[i]);
    }
    try {
      define(instrumentation, classes);
    } catch (ReflectiveOperationException | RuntimeException e) {
      AgentLog.debug("defining the bridge failed, appending it to the bootstrap search path", e);
      append(instrumentation, classes);
    }
  }

  private static void define(Instrumentation instrumentation, byte[][] classes)
      throws ReflectiveOperationException {
    instrumentation.redefineModule(
        Object.class.getModule(),
        Set.of(),
        Map.of("jdk.internal.misc", Set.of(BootstrapInjector.class.getModule())),
        Map.of(),
        Set.of(),
        Map.of());
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method defineClass =
        unsafeType.getMethod(
            "defineClass", String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
    for (int i = 0; i < classes.length; i++) {
      defineClass.invoke(unsafe, BRIDGE_CLASSES[i], classes[i], 0, classes[i].length, null, null);
    }
  }

  private static void append(Instrumentation instrumentation, byte[][] classes) throws IOException {
    Path jar = Files.createTempFile("aitap-bootstrap", ".jar");
    jar.toFile().deleteOnExit();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (int i = 0; i < classes.length; i++) {
        out.putNextEntry(new JarEntry(BRIDGE_CLASSES[i].replace('.', '/') + ".class"));
        out.write(classes[i]);
        out.closeEntry();
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
  }

  private static byte[] bytesOf(String className) throws IOException {
    String resource = className.replace('.', '/') + ".class";
    try (InputStream in = BootstrapInjector.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is missing from the agent jar");
      }
      return in.readAllBytes();
    }
  }
}
