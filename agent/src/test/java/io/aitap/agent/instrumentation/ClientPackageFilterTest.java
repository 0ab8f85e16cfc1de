package io.aitap.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ClientPackageFilterTest {

  private static final byte[] REWRITTEN = {1};
  private static final Module BASE = Object.class.getModule();

  private final List<String> reached = new CopyOnWriteArrayList<>();

  /** Stands for Byte Buddy: notes which overload the filter called, and for which class. */
  private final ClassFileTransformer recording = new ClassFileTransformer() {
    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] bytes) {
      reached.add("5 " + name);
      return REWRITTEN;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
        byte[] bytes) {
      reached.add("6 " + name);
      return REWRITTEN;
    }
  };

  private final ClientPackageFilter filter =
      new ClientPackageFilter(List.of("okhttp3.", "jdk.internal.net.http."), recording);

  @Test
  void aClassOutsideEveryClientPackageNeverReachesByteBuddy() throws Exception {
    assertNull(filter.transform(null, "java/util/concurrent/ThreadLocalRandom", null, null, new byte[0]));
    assertNull(filter.transform(BASE, null, "java/util/concurrent/ThreadLocalRandom", null, null, new byte[0]));
    assertNull(filter.transform(null, "okhttp3x/RealCall", null, null, new byte[0]));
    assertNull(filter.transform(BASE, null, "jdk/internal/net/HttpClientImpl", null, null, new byte[0]));
    assertNull(filter.transform(null, null, null, null, new byte[0]), "a hidden class has no name");
    assertEquals(List.of(), reached);
  }

  @Test
  void aClassInAClientPackageReachesByteBuddyThroughTheOverloadTheJvmCalled() throws Exception {
    assertSame(REWRITTEN, filter.transform(null, "okhttp3/internal/connection/RealCall", null, null, new byte[0]));
    assertSame(REWRITTEN, filter.transform(BASE, null, "jdk/internal/net/http/HttpClientImpl", null, null, new byte[0]));
    assertEquals(List.of("5 okhttp3/internal/connection/RealCall", "6 jdk/internal/net/http/HttpClientImpl"), reached);
  }

  @Test
  void everyClientNamesTheDottedPackagesOfItsTypes() {
    for (ClientInstrumentation client : ClientInstrumentations.instrumentations()) {
      assertFalse(client.packages().isEmpty(), client.name());
      for (String pkg : client.packages()) {
        assertTrue(pkg.length() > 1 && pkg.endsWith(".") && !pkg.contains("/"), client.name() + ": " + pkg);
      }
    }
  }
}
