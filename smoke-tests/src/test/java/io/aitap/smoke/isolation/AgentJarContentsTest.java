package io.aitap.smoke.isolation;

import static io.aitap.smoke.replay.CallChecks.assertNone;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import net.bytebuddy.jar.asm.ClassReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent jar holds aitap's classes, its dependencies relocated under {@code io/aitap/},
 * and nothing else an application could pick up: the jar sits on the system class path, so any
 * other class, native library, service registration or version file in it would change what the
 * application's own libraries find.
 */
class AgentJarContentsTest {

  private static final String OWN = "io/aitap/";
  private static final String OWN_PACKAGE = "io.aitap.";
  private static final String SERVICES = "META-INF/services/";
  /**
   * Besides the manifest, only the license and notice texts the bundled libraries must travel with:
   * no class loader or library reads these names for anything.
   */
  private static final Pattern LICENSE_TEXT =
      Pattern.compile("META-INF/([^/]*(LICENSE|NOTICE)[^/]*|licenses/[^/]+)", Pattern.CASE_INSENSITIVE);
  private static final int SHOWN_PER_GROUP = 3;
  /**
   * Every start reads the jar and every container image carries it. The OpenTelemetry SDK is most
   * of it; of Byte Buddy only its copy of ASM is reached, of OkHttp, Okio and the Kotlin standard
   * library (the OTLP/gRPC sender) only what is reached stays. It was 4.05 MiB when set; growth
   * past this is a choice.
   */
  private static final long SIZE_BUDGET_BYTES = 4_352L * 1024;
  /** Libraries the jar must not carry: protobuf-java serves only Prometheus' protobuf format. */
  private static final List<String> LEFT_OUT = List.of(OWN + "shaded/com/google/protobuf/");
  /** What the build turns the dependencies' {@code java.util.logging.Logger} into. */
  private static final String DEPENDENCY_LOGGER = OWN + "agent/DependencyLogger";
  /** Constant pool tags (JVMS 4.4) of a reference to a method; method handles point at one too. */
  private static final int METHODREF = 10;
  private static final int INTERFACE_METHODREF = 11;

  private static Path path;
  private static JarFile jar;
  private static Set<String> names;

  @BeforeAll
  static void openJar() throws IOException {
    path = Paths.get(System.getProperty("aitap.agent.jar"));
    assertTrue(Files.isRegularFile(path), "no agent jar at " + path + ": package the agent module first");
    jar = new JarFile(path.toFile());
    names = new TreeSet<>();
    jar.stream().map(JarEntry::getName).forEach(names::add);
  }

  @AfterAll
  static void closeJar() throws IOException {
    jar.close();
  }

  @Test
  void isTheAgent() throws IOException {
    String premain = jar.getManifest().getMainAttributes().getValue("Premain-Class");
    assertNotNull(premain, "the manifest names no Premain-Class");
    assertTrue(names.contains(classFile(premain)), premain + " is not in the jar");
    assertTrue(names.stream().anyMatch(name -> name.startsWith(OWN + "shaded/") && name.endsWith(".class")),
        "the jar carries none of aitap's dependencies");
  }

  @Test
  void staysWithinItsSizeBudget() throws IOException {
    long size = Files.size(path);
    assertTrue(size <= SIZE_BUDGET_BYTES, "the agent jar is " + size + " bytes, over its budget of " + SIZE_BUDGET_BYTES);
  }

  @Test
  void leavesOutWhatAitapDoesNotUse() {
    List<String> found = new ArrayList<>();
    for (String name : names) {
      LEFT_OUT.stream().filter(name::startsWith).forEach(prefix -> found.add(name));
    }
    assertNone(summarised(found), "entries of libraries the jar leaves out");
  }

  @Test
  void holdsNothingButAitapAndItsRelocatedDependencies() {
    Set<String> files = new HashSet<>();
    List<String> foreign = new ArrayList<>();
    for (String name : names) {
      if (!name.endsWith("/")) {
        if (name.startsWith(OWN) || name.equals(JarFile.MANIFEST_NAME) || LICENSE_TEXT.matcher(name).matches()
            || (name.startsWith(SERVICES) && serviceName(name).startsWith(OWN_PACKAGE))) {
          files.add(name);
        } else {
          foreign.add(name);
        }
      }
    }
    Set<String> directoriesOfFiles = new HashSet<>();
    files.forEach(file -> directoriesOfFiles.addAll(parents(file)));
    names.stream().filter(name -> name.endsWith("/") && !directoriesOfFiles.contains(name)).forEach(foreign::add);
    assertNone(summarised(foreign), "entries that are neither aitap's own nor relocated under " + OWN);
  }

  @Test
  void registersServicesOnlyOfRelocatedTypes() throws IOException {
    List<String> wrong = new ArrayList<>();
    List<String> services = new ArrayList<>();
    for (String name : names) {
      if (!name.startsWith(SERVICES) || name.endsWith("/")) {
        continue;
      }
      String service = serviceName(name);
      services.add(service);
      unhonoured(service).ifPresent(problem -> wrong.add(name + ": the service type " + problem));
      for (String provider : providers(name)) {
        unhonoured(provider).ifPresent(problem -> wrong.add(name + ": provider " + provider + " " + problem));
      }
    }
    assertFalse(services.isEmpty(), "no service registrations at all: the SDK's exporters would not load");
    assertNone(wrong, "service registrations the jar cannot honour");
  }

  /**
   * {@code DependencyLogger} has only the methods the bundled dependencies call on their loggers: a
   * call it does not answer would fail where that dependency logs, at run time.
   */
  @Test
  void answersEveryLoggerCallOfTheDependencies() throws Exception {
    Set<String> answered = new HashSet<>();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {path.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (Method method : Class.forName(DEPENDENCY_LOGGER.replace('/', '.'), false, loader).getMethods()) {
        answered.add(method.getName()
            + MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString());
      }
    }
    Set<String> called = new TreeSet<>();
    for (String name : names) {
      if (name.endsWith(".class") && !name.equals(DEPENDENCY_LOGGER + ".class")) {
        try (InputStream classFile = jar.getInputStream(jar.getJarEntry(name))) {
          called.addAll(methodsNamed(DEPENDENCY_LOGGER, classFile));
        }
      }
    }
    assertFalse(called.isEmpty(), "no dependency calls " + DEPENDENCY_LOGGER + ": the logging relocation is gone");
    List<String> unanswered = new ArrayList<>(called);
    unanswered.removeAll(answered);
    assertNone(unanswered, "calls to " + DEPENDENCY_LOGGER + " it has no method for");
  }

  /** The methods of class {@code owner} that a class file refers to, as name and descriptor. */
  private static Set<String> methodsNamed(String owner, InputStream classFile) throws IOException {
    ClassReader reader = new ClassReader(classFile);
    char[] text = new char[reader.getMaxStringLength()];
    Set<String> methods = new HashSet<>();
    for (int i = 1; i < reader.getItemCount(); i++) {
      int item = reader.getItem(i); // 0 for the second slot of a long or double
      int tag = item == 0 ? 0 : reader.readByte(item - 1);
      if ((tag == METHODREF || tag == INTERFACE_METHODREF)
          && owner.equals(reader.readClass(item, text))) {
        int nameAndType = reader.getItem(reader.readUnsignedShort(item + 2));
        methods.add(reader.readUTF8(nameAndType, text) + reader.readUTF8(nameAndType + 2, text));
      }
    }
    return methods;
  }

  private static String serviceName(String entry) {
    return entry.substring(SERVICES.length());
  }

  private static List<String> providers(String entry) throws IOException {
    List<String> providers = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(jar.getInputStream(jar.getJarEntry(entry)), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int comment = line.indexOf('#');
        String provider = (comment < 0 ? line : line.substring(0, comment)).trim();
        if (!provider.isEmpty()) {
          providers.add(provider);
        }
      }
    }
    return providers;
  }

  /** Why the jar cannot stand for this type: it must be in aitap's packages and in the jar. */
  private static Optional<String> unhonoured(String className) {
    if (!className.startsWith(OWN_PACKAGE)) {
      return Optional.of("is not relocated under " + OWN_PACKAGE);
    }
    return names.contains(classFile(className)) ? Optional.empty() : Optional.of("is not in the jar");
  }

  private static String classFile(String className) {
    return className.replace('.', '/') + ".class";
  }

  private static List<String> parents(String file) {
    List<String> parents = new ArrayList<>();
    for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
      parents.add(file.substring(0, slash + 1));
    }
    return parents;
  }

  /** Thousands of entries of one library read as one line per package, with a few examples. */
  private static List<String> summarised(List<String> entries) {
    Map<String, List<String>> byGroup = new TreeMap<>();
    for (String entry : entries) {
      List<String> segments = List.of(entry.split("/"));
      int depth = Math.min(entry.startsWith("META-INF/") ? 2 : 3, segments.size());
      String group = String.join("/", segments.subList(0, depth));
      byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(entry);
    }
    List<String> lines = new ArrayList<>();
    byGroup.forEach((group, members) -> {
      Collections.sort(members);
      lines.add(group + ": " + members.size() + " (" + String.join(", ", members.subList(0,
          Math.min(SHOWN_PER_GROUP, members.size()))) + (members.size() > SHOWN_PER_GROUP ? ", ..." : "") + ")");
    });
    return lines;
  }
}
