package io.aitap.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The transformer aitap registers with the JVM: lets Byte Buddy see only classes in the packages
 * of an instrumented client; every other class the JVM loads costs one prefix comparison.
 *
 * <p>It is registered before Byte Buddy is built, and uses no Byte Buddy type: a client class
 * that another thread loads meanwhile waits for Byte Buddy (at most {@link #WAIT_MILLIS}), so that
 * no call through that class goes untapped; any other class goes by. A class that waited longer
 * is retransformed once Byte Buddy is ready. Byte Buddy is built in {@code premain}, not on a
 * thread of its own: a client class loaded first on an event loop would block it.
 *
 * <p>Filtering first is also what keeps aitap's transformer from ever running inside the loading
 * of a JDK class it needs itself. When the first {@code ThreadLocalRandom} is loaded and the
 * transformer, on the same thread, reaches for it (a contended {@code ConcurrentHashMap} does), the
 * JVM throws {@code ClassCircularityError} and remembers it: from then on that map method fails for
 * the whole application (JDK-8164165). Classes outside the client packages are turned away before
 * any of Byte Buddy's code runs, so no such load can enter it.
 */
final class ClientPackageFilter implements ClassFileTransformer {

  /** The longest a client class being loaded waits for Byte Buddy, however loaded the machine. */
  static final long WAIT_MILLIS = 10_000;

  /** Internal names, slash-separated, as the JVM hands them to a transformer. */
  private final String[] prefixes;
  private final CountDownLatch decided = new CountDownLatch(1);
  private volatile ClassFileTransformer byteBuddy;
  private volatile boolean missed;

  /** @param packages dotted package prefixes, as {@link ClientInstrumentation#packages()} gives them */
  ClientPackageFilter(Collection<String> packages) {
    this.prefixes = packages.stream().map(p -> p.replace('.', '/')).distinct().toArray(String[]::new);
  }

  /** Byte Buddy is ready: classes in the client packages go through {@code transformer} from now on. */
  void instrumentWith(ClassFileTransformer transformer) {
    byteBuddy = transformer;
    decided.countDown();
  }

  /** Byte Buddy could not be built: no class waits for it any longer. */
  void giveUp() {
    decided.countDown();
  }

  /** Whether a client class was loaded without Byte Buddy because it was not ready in time. */
  boolean missedAny() {
    return missed;
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
    ClassFileTransformer transformer = admits(className) ? ready() : null;
    return transformer == null ? null : transformer.transform(loader, className, redefined, domain, bytes);
  }

  @Override
  public byte[] transform(
      Module module, ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain, byte[] bytes)
      throws IllegalClassFormatException {
    ClassFileTransformer transformer = admits(className) ? ready() : null;
    return transformer == null ? null : transformer.transform(module, loader, className, redefined, domain, bytes);
  }

  /** Byte Buddy's transformer once ready, waiting for it if need be; null when it is not to be had. */
  private ClassFileTransformer ready() {
    ClassFileTransformer transformer = byteBuddy;
    if (transformer != null) {
      return transformer;
    }
    try {
      if (!decided.await(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        missed = true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      missed = true;
    }
    return byteBuddy;
  }
}
