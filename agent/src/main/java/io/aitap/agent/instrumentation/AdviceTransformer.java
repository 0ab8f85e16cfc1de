package io.aitap.agent.instrumentation;

import io.aitap.agent.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeInitializer;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.auxiliary.AuxiliaryType;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Inlines each client's advice into its classes: Byte Buddy's {@link Advice} applied over a plain
 * ASM read and write of the class file, nothing more.
 *
 * <p>Byte Buddy's {@code AgentBuilder} would do the same, but building one generates a class at run
 * time and loads twice as many of Byte Buddy's classes, most of a second of {@code premain} on a
 * small machine. Here nothing of Byte Buddy is touched until the first class of an instrumented
 * client loads, and then only what inlining advice needs.
 *
 * <p>Advice only adds code to existing methods (no field, method or interface), so a class can be
 * woven the same way when it is loaded and when an already loaded one is retransformed.
 *
 * <p>Every class the JVM loads passes through here; one not named by an enabled client (by its full
 * name, or a package prefix) costs a few string comparisons and nothing else. Turning it away first
 * is also what keeps aitap from ever running inside the loading of a JDK class it needs itself.
 * When the first {@code ThreadLocalRandom} is loaded and a transformer, on the same thread, reaches
 * for it (a contended {@code ConcurrentHashMap} does), the JVM throws {@code ClassCircularityError}
 * and remembers it: from then on that map method fails for the whole application (JDK-8164165).
 * Classes no client names are turned away before any of Byte Buddy's code or any collection runs,
 * so no such load can enter them.
 */
final class AdviceTransformer implements ClassFileTransformer {

  private final List<ClientAdvice> clients = new ArrayList<>();

  AdviceTransformer(List<ClientInstrumentation> clients) {
    for (ClientInstrumentation client : clients) {
      this.clients.add(new ClientAdvice(client));
    }
  }

  /** Whether an enabled client names the class, given by its slash-separated name. */
  boolean admits(String internalName) {
    for (ClientAdvice client : clients) {
      if (client.mayMatch(internalName)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
    if (!admits(internalName)) {
      return null;
    }
    try {
      return weave(loader, internalName, bytes);
    } catch (Throwable t) {
      AgentLog.debug("could not instrument " + internalName, t);
      return null;
    }
  }

  private byte[] weave(ClassLoader loader, String internalName, byte[] bytes) {
    List<TypeAdvice> candidates = new ArrayList<>(1);
    for (ClientAdvice client : clients) {
      if (client.mayMatch(internalName)) {
        candidates.add(client.advice());
      }
    }
    String name = internalName.replace('/', '.');
    // the class being defined cannot be asked of its loader yet: its bytes come first
    ClassFileLocator locator =
        new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), ClassFileLocator.ForClassLoader.of(loader));
    TypePool pool = new TypePool.Default.WithLazyResolution(
        new TypePool.CacheProvider.Simple(), locator, TypePool.Default.ReaderMode.FAST);
    TypeDescription type = pool.describe(name).resolve();
    AsmVisitorWrapper.ForDeclaredMethods methods = null;
    for (TypeAdvice candidate : candidates) {
      if (candidate.types.matches(type)) {
        methods = candidate.addTo(methods);
      }
    }
    if (methods == null) {
      return null;
    }
    ClassReader reader = OpenedClassReader.of(bytes);
    int writerFlags = methods.mergeWriter(AsmVisitorWrapper.NO_FLAGS);
    int readerFlags = methods.mergeReader(AsmVisitorWrapper.NO_FLAGS);
    // handed the reader, the writer copies every method the advice leaves alone as it stands
    ClassWriter writer = new ClassWriter(reader, writerFlags);
    ClassFileVersion version = ClassFileVersion.ofClassFile(bytes);
    Implementation.Context context = Implementation.Context.Disabled.Factory.INSTANCE.make(
        type, new AuxiliaryType.NamingStrategy.Suffixing("aitap"), TypeInitializer.None.INSTANCE, version, version,
        version.isAtLeast(ClassFileVersion.JAVA_V6)
            ? Implementation.Context.FrameGeneration.GENERATE
            : Implementation.Context.FrameGeneration.DISABLED);
    reader.accept(
        methods.wrap(type, writer, context, pool, type.getDeclaredFields(), type.getDeclaredMethods(), writerFlags, readerFlags),
        readerFlags);
    AgentLog.debug("instrumented " + name);
    return writer.toByteArray();
  }

  /**
   * One client, its advice read by the first of its classes to load: an application pays for the
   * clients it uses, not for every client aitap knows.
   */
  private static final class ClientAdvice {
    private final ClientInstrumentation client;
    private final TypeNames names;
    private TypeAdvice advice;

    ClientAdvice(ClientInstrumentation client) {
      this.client = client;
      this.names = new TypeNames(client.typeNames());
    }

    boolean mayMatch(String internalName) {
      return names.admit(internalName);
    }

    /** Asked as each of the client's classes loads: the lock is never held long but once. */
    synchronized TypeAdvice advice() {
      if (advice == null) {
        advice = new TypeAdvice(client);
      }
      return advice;
    }
  }

  /** One client's types, and the advice for their methods. */
  private static final class TypeAdvice implements ClientInstrumentation.Advisor {
    private final ElementMatcher<TypeDescription> types;
    private final ClassFileLocator adviceClasses = ClassFileLocator.ForClassLoader.of(TypeAdvice.class.getClassLoader());
    private final TypePool advicePool = TypePool.Default.of(adviceClasses);
    private final List<ElementMatcher<? super MethodDescription>> matchers = new ArrayList<>();
    private final List<Advice> advice = new ArrayList<>();

    TypeAdvice(ClientInstrumentation client) {
      this.types = client.types();
      client.advise(this);
    }

    @Override
    public void advise(ElementMatcher<? super MethodDescription> methods, Class<?> adviceClass) {
      matchers.add(methods);
      advice.add(Advice.to(describe(adviceClass), adviceClasses));
    }

    @Override
    public void advise(ElementMatcher<? super MethodDescription> methods, Class<?> enterAdvice, Class<?> exitAdvice) {
      matchers.add(methods);
      advice.add(Advice.to(describe(enterAdvice), describe(exitAdvice), adviceClasses));
    }

    /** From the class file, as the advice is inlined from it; reflection would load far more. */
    private TypeDescription describe(Class<?> adviceClass) {
      return advicePool.describe(adviceClass.getName()).resolve();
    }

    AsmVisitorWrapper.ForDeclaredMethods addTo(AsmVisitorWrapper.ForDeclaredMethods methods) {
      AsmVisitorWrapper.ForDeclaredMethods added = methods == null ? new AsmVisitorWrapper.ForDeclaredMethods() : methods;
      for (int i = 0; i < advice.size(); i++) {
        added = added.invokable(matchers.get(i), advice.get(i));
      }
      return added;
    }
  }
}
