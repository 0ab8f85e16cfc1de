package io.aitap.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JDK the smoke tests fork JVMs with: the one running the tests, every JAVA_HOME listed in
 * {@code aitap.test.jdks} (comma-separated), and — when that list is empty — every JDK 25 under
 * {@code /usr/lib/jvm}. {@code aitap.test.jdks=none} keeps to the running JDK.
 */
public final class TestJdk {

  private static final Path SYSTEM_JDKS = Paths.get("/usr/lib/jvm");
  private static final String AUTO_DETECTED_FEATURE = "25";

  private final Path home;
  private final String version;

  private TestJdk(Path home, String version) {
    this.home = home;
    this.version = version;
  }

  public Path java() {
    return home.resolve("bin").resolve("java");
  }

  @Override
  public String toString() {
    return "JDK " + version;
  }

  public static List<TestJdk> all() {
    Map<Path, TestJdk> jdks = new LinkedHashMap<>();
    Path running = Paths.get(System.getProperty("java.home"));
    add(jdks, running);
    String listed = System.getProperty("aitap.test.jdks", "").trim();
    if (listed.isEmpty()) {
      for (Path home : installed()) {
        if (releaseVersion(home).startsWith(AUTO_DETECTED_FEATURE)) {
          add(jdks, home);
        }
      }
    } else if (!listed.equals("none")) {
      for (String home : listed.split(",")) {
        if (!home.isBlank()) {
          add(jdks, Paths.get(home.trim()));
        }
      }
    }
    return new ArrayList<>(jdks.values());
  }

  private static void add(Map<Path, TestJdk> jdks, Path home) {
    Path real;
    try {
      real = home.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("not a JDK home: " + home, e);
    }
    if (!Files.isExecutable(real.resolve("bin").resolve("java"))) {
      throw new IllegalArgumentException("no bin/java in " + home);
    }
    String version = releaseVersion(real);
    if (version.isEmpty()) {
      throw new IllegalArgumentException("no JAVA_VERSION in " + home.resolve("release"));
    }
    jdks.putIfAbsent(real, new TestJdk(real, version));
  }

  private static List<Path> installed() {
    List<Path> homes = new ArrayList<>();
    if (!Files.isDirectory(SYSTEM_JDKS)) {
      return homes;
    }
    try (Stream<Path> entries = Files.list(SYSTEM_JDKS)) {
      entries.filter(home -> Files.isRegularFile(home.resolve("release"))).sorted().forEach(homes::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return homes;
  }

  /** JAVA_VERSION from the JDK's {@code release} file, or "" when it has none. */
  private static String releaseVersion(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return "";
    }
    try {
      for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
        }
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
