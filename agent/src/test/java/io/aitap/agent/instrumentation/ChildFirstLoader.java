package io.aitap.agent.instrumentation;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A web-application style loader: the client library and its dependencies come from its own jars
 * even though the test class path has another version; everything else (the bridge, the JDK,
 * JUnit) from the parent.
 */
public final class ChildFirstLoader extends URLClassLoader {

  private static final String[] OWN =
      {"okhttp3.", "okio.", "kotlin", "org.apache.http.", "org.apache.hc.", "org.apache.commons.", "org.slf4j.",
        "io.vertx.", "io.netty."};

  /**
   * Loads from the jars of {@code target/clients/<library>/<version>}, which the build resolved from
   * {@code test-clients/<library>/<version>/pom.xml}.
   */
  public ChildFirstLoader(String libraryVersion) {
    super(jars(clients().resolve(libraryVersion)), ChildFirstLoader.class.getClassLoader());
  }

  /** Every version of the library the build made, oldest first, as {@code <library>/<version>}. */
  public static List<String> versionsOf(String library) {
    try (Stream<Path> versions = Files.list(clients().resolve(library))) {
      return versions.map(version -> version.getFileName().toString())
          .sorted(Comparator.comparing(ModuleDescriptor.Version::parse))
          .map(version -> library + "/" + version)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path clients() {
    return Paths.get(System.getProperty("aitap.test.clients"));
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!isOwn(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /**
   * Class files too, as the agent reads them to match types: a library's types must be described
   * from its own jars, not from another version the parent has.
   */
  @Override
  public URL getResource(String name) {
    if (isOwn(name.replace('/', '.'))) {
      URL own = findResource(name);
      if (own != null) {
        return own;
      }
    }
    return super.getResource(name);
  }

  private static boolean isOwn(String name) {
    for (String prefix : OWN) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static URL[] jars(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(Path::toFile).map(ChildFirstLoader::url).toArray(URL[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(File file) {
    try {
      return file.toURI().toURL();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
