package io.aitap.smoke.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One version of a client library with what Maven resolves for it, as the build put it in
 * {@code target/clients/<library>/<version>} from {@code test-clients/<library>/<version>/pom.xml}:
 * the versions a test runs are the ones the build made, named nowhere else.
 */
public final class ClientLibrary {

  private final String library;
  private final String version;

  private ClientLibrary(String library, String version) {
    this.library = library;
    this.version = version;
  }

  /** Every version of the library the build made, oldest first. */
  public static List<ClientLibrary> versionsOf(String library) {
    Path directory = AgentJvm.clientLibraries().resolve(library);
    List<ClientLibrary> versions;
    try (Stream<Path> children = Files.list(directory)) {
      versions = children.filter(Files::isDirectory)
          .map(child -> new ClientLibrary(library, child.getFileName().toString()))
          .sorted(Comparator.comparing(client -> Version.parse(client.version)))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("no class paths of " + library + "; the build makes them from test-clients/", e);
    }
    if (versions.isEmpty()) {
      throw new IllegalStateException("no class paths in " + directory + "; the build makes them from test-clients/");
    }
    return versions;
  }

  /** The one version of the library the build made. */
  public static ClientLibrary only(String library) {
    List<ClientLibrary> versions = versionsOf(library);
    if (versions.size() != 1) {
      throw new IllegalStateException("expected one version of " + library + ", found " + versions);
    }
    return versions.get(0);
  }

  /** The newest version of the library the build made. */
  public static ClientLibrary newest(String library) {
    List<ClientLibrary> versions = versionsOf(library);
    return versions.get(versions.size() - 1);
  }

  /** The directory with the library's jars and their dependencies. */
  public Path jars() {
    return AgentJvm.clientLibraries().resolve(library).resolve(version);
  }

  /** As the tests name it, e.g. {@code okhttp-3.12}. */
  @Override
  public String toString() {
    return library + "-" + version;
  }
}
