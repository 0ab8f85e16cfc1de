package io.aitap.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the {@code io.aitap.bootstrap} classes on the bootstrap class path. They travel inside the
 * agent jar; appending the whole agent jar instead would make the bootstrap loader define every
 * agent class, out of reach of the application types the agent has to see. So they are copied into
 * a small temporary jar of their own.
 */
final class BootstrapInjector {

  private static final String BOOTSTRAP_PACKAGE = "io/aitap/bootstrap/";

  private BootstrapInjector() {}

  static void inject(Instrumentation instrumentation) throws IOException, URISyntaxException {
    File agentJar =
        new File(AitapAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bootstrapJar = Files.createTempFile("aitap-bootstrap", ".jar");
    bootstrapJar.toFile().deleteOnExit();
    try (JarFile source = new JarFile(agentJar);
        JarOutputStream target = new JarOutputStream(Files.newOutputStream(bootstrapJar))) {
      Enumeration<JarEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().startsWith(BOOTSTRAP_PACKAGE) && !entry.isDirectory()) {
          target.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream in = source.getInputStream(entry)) {
            copy(in, target);
          }
          target.closeEntry();
        }
      }
    }
    instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(bootstrapJar.toFile()));
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      out.write(buffer, 0, n);
    }
  }
}
