package io.aitap.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.junit.jupiter.api.Test;

class ClientPackageFilterTest {

  private static final byte[] REWRITTEN = {1};
  private static final Module BASE = Object.class.getModule();

  private final List<String> reached = new ArrayList<>();

  private ResettableClassFileTransformer filtering(String... packages) {
    ResettableClassFileTransformer recording =
        (ResettableClassFileTransformer)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ResettableClassFileTransformer.class},
                (proxy, method, args) -> {
                  reached.add(args.length + " " + args[args.length - 4]);
                  return REWRITTEN;
                });
    return ClientPackageFilter.of(List.of(packages)).decorate(recording);
  }

  @Test
  void aClassOutsideEveryClientPackageNeverReachesByteBuddy() throws Exception {
    ResettableClassFileTransformer filter = filtering("okhttp3.", "jdk.internal.net.http.");

    assertNull(filter.transform(null, "java/util/concurrent/ThreadLocalRandom", null, null, new byte[0]));
    assertNull(filter.transform(BASE, null, "java/util/concurrent/ThreadLocalRandom", null, null, new byte[0]));
    assertNull(filter.transform(null, "okhttp3x/RealCall", null, null, new byte[0]));
    assertNull(filter.transform(BASE, null, "jdk/internal/net/HttpClientImpl", null, null, new byte[0]));
    assertNull(filter.transform(null, null, null, null, new byte[0]), "a hidden class has no name");
    assertEquals(List.of(), reached);
  }

  @Test
  void aClassInAClientPackageReachesByteBuddyThroughTheOverloadTheJvmCalled() throws Exception {
    ResettableClassFileTransformer filter = filtering("okhttp3.", "jdk.internal.net.http.");

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
