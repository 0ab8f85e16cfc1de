package io.aitap.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Collection;

/**
 * The transformer aitap registers with the JVM: lets Byte Buddy see only classes in the packages
 * of an instrumented client; every other class the JVM loads costs one prefix comparison.
 *
 * <p>Filtering first is also what keeps aitap's transformer from ever running inside the loading
 * of a JDK class it needs itself. When the first {@code ThreadLocalRandom} is loaded and the
 * transformer, on the same thread, reaches for it (a contended {@code ConcurrentHashMap} does), the
 * JVM throws {@code ClassCircularityError} and remembers it: from then on that map method fails for
 * the whole application (JDK-8164165). Classes outside the client packages are turned away before
 * any of Byte Buddy's code runs, so no such load can enter it.
 */
final class ClientPackageFilter implements ClassFileTransformer {

  private final PackagePrefixes packages;
  private final ClassFileTransformer byteBuddy;

  /** @param packages dotted package prefixes, as {@link ClientInstrumentation#packages()} gives them */
  ClientPackageFilter(Collection<String> packages, ClassFileTransformer byteBuddy) {
    this.packages = new PackagePrefixes(packages);
    this.byteBuddy = byteBuddy;
  }

  boolean admits(String internalName) {
    return packages.admit(internalName);
  }

  @Override
  public byte[] transform(
      ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
      throws IllegalClassFormatException {
    return admits(className) ? byteBuddy.transform(loader, className, redefined, domain, bytes) : null;
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
      throws IllegalClassFormatException {
    return admits(className) ? byteBuddy.transform(module, loader, className, redefined, domain, bytes) : null;
  }
}
