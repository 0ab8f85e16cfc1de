package io.aitap.agent.instrumentation.okhttp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A web-application style loader: OkHttp, Okio and Kotlin come from its own jars even though the
 * test class path has another OkHttp; everything else (the bridge, the JDK) from the parent.
 */
final class ChildFirstLoader extends URLClassLoader {

  ChildFirstLoader(Path jarDirectory) {
    super(jars(jarDirectory), ChildFirstLoader.class.getClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!(name.startsWith("okhttp3.") || name.startsWith("okio.") || name.startsWith("kotlin"))) {
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
