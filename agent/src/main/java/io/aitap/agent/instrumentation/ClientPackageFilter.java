package io.aitap.agent.instrumentation;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Collection;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Lets Byte Buddy see only classes in the packages of an instrumented client; every other class
 * the JVM loads costs one prefix comparison.
 *
 * <p>This is also what keeps aitap's transformer from ever running inside the loading of a JDK
 * class it needs itself. When the first {@code ThreadLocalRandom} is loaded and the transformer,
 * on the same thread, reaches for it (a contended {@code ConcurrentHashMap} does), the JVM throws
 * {@code ClassCircularityError} and remembers it: from then on that map method fails for the whole
 * application (JDK-8164165). Classes outside the client packages are turned away before any of
 * Byte Buddy's code runs, so no such load can enter it.
 */
final class ClientPackageFilter extends ResettableClassFileTransformer.WithDelegation {

  /** Internal names, slash-separated, as the JVM hands them to a transformer. */
  private final String[] prefixes;

  private ClientPackageFilter(ResettableClassFileTransformer transformer, String[] prefixes) {
    super(transformer);
    this.prefixes = prefixes;
  }

  static AgentBuilder.TransformerDecorator of(Collection<String> packages) {
    String[] prefixes = packages.stream().map(p -> p.replace('.', '/')).distinct().toArray(String[]::new);
    return transformer -> new ClientPackageFilter(transformer, prefixes);
  }

  boolean admits(String internalName) {
    if (internalName == null) {
      return false;
    }
    for (String prefix : prefixes) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
      throws IllegalClassFormatException {
    return admits(className) ? classFileTransformer.transform(loader, className, redefined, domain, bytes) : null;
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
      throws IllegalClassFormatException {
    return admits(className)
        ? classFileTransformer.transform(module, loader, className, redefined, domain, bytes)
        : null;
  }
}
