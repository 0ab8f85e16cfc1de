package io.aitap.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aitap.agent.instrumentation.apachehttpclient.ApacheHttpClientInstrumentation;
import io.aitap.agent.instrumentation.jdkhttp.JdkHttpClientInstrumentation;
import io.aitap.agent.instrumentation.okhttp.OkHttpInstrumentation;
import io.aitap.agent.instrumentation.weaving.HookPoint;
import io.aitap.agent.instrumentation.weaving.TypeView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HookTransformerTest {

  private static final String REAL_CALL = "okhttp3/internal/connection/RealCall";

  private final Counting okhttp = new Counting(new OkHttpInstrumentation());
  private final Counting jdk = new Counting(new JdkHttpClientInstrumentation());
  private final HookTransformer transformer = new HookTransformer(List.of(jdk, okhttp));

  @Test
  void aClassIsLookedAtOnlyByTheClientThatNamesIt() throws Exception {
    byte[] original = classFile(REAL_CALL);
    byte[] woven = transformer.transform(loader(), REAL_CALL, null, null, original);
    assertNotNull(woven);
    assertTrue(woven.length > original.length, "hooks were woven in");
    assertNotNull(transformer.transform(loader(), REAL_CALL, null, null, original));
    assertEquals(2, okhttp.looked.get());
    assertEquals(0, jdk.looked.get());
  }

  @Test
  void aClassOutsideEveryClientPackageIsTurnedAwayBeforeItIsRead() throws Exception {
    Module base = Object.class.getModule();
    assertNull(transformer.transform(null, "java/util/concurrent/ThreadLocalRandom", null, null, new byte[0]));
    assertNull(transformer.transform(base, null, "java/util/concurrent/ThreadLocalRandom", null, null, new byte[0]));
    assertNull(transformer.transform(null, "okhttp3x/RealCall", null, null, new byte[0]));
    assertNull(transformer.transform(base, null, "jdk/internal/net/HttpClientImpl", null, null, new byte[0]));
    assertNull(transformer.transform(null, null, null, null, new byte[0]), "a hidden class has no name");
    assertEquals(0, okhttp.looked.get());
    assertEquals(0, jdk.looked.get());
  }

  @Test
  void everyClientNamesItsTypesByDottedClassNameOrPackagePrefix() {
    for (ClientInstrumentation client : ClientInstrumentations.instrumentations()) {
      assertFalse(client.typeNames().isEmpty(), client.name());
      for (String name : client.typeNames()) {
        assertTrue(name.length() > 1 && name.contains(".") && !name.contains("/") && !name.startsWith("."),
            client.name() + ": " + name);
      }
    }
  }

  @Test
  void aClassNamedExactlyAdmitsNeitherItsNeighboursNorItsNestedClasses() throws Exception {
    assertTrue(transformer.admits(REAL_CALL));
    assertTrue(transformer.admits("jdk/internal/net/http/HttpClientImpl"));
    assertFalse(transformer.admits("jdk/internal/net/http/HttpClientImpl$DelegatingExecutor"));
    assertFalse(transformer.admits("jdk/internal/net/http/HttpRequestImpl"));
    assertNull(transformer.transform(loader(), REAL_CALL + "$AsyncCall", null, null, classFile(REAL_CALL + "$AsyncCall")));
    assertEquals(0, okhttp.looked.get());
  }

  @Test
  void aClassOfAClientsPackageThatItsTypesDoNotMatchIsLeftAlone() throws Exception {
    String builder = "org/apache/hc/client5/http/impl/classic/HttpClientBuilder";
    HookTransformer apache = new HookTransformer(List.of(ApacheHttpClientInstrumentation.httpClient5()));
    assertTrue(apache.admits(builder));
    assertNull(apache.transform(loader(), builder, null, null, classFile(builder)));
  }

  @Test
  void aClassFileThatCannotBeReadIsLeftAsItIs() throws Exception {
    assertNull(transformer.transform(loader(), REAL_CALL, null, null, "not a class".getBytes(StandardCharsets.UTF_8)));
  }

  private static ClassLoader loader() {
    return HookTransformerTest.class.getClassLoader();
  }

  private static byte[] classFile(String internalName) throws IOException {
    try (InputStream in = loader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  /** A client as it is, counting how many classes it was asked about. */
  private static final class Counting implements ClientInstrumentation {
    final ClientInstrumentation client;
    final AtomicInteger looked = new AtomicInteger();

    Counting(ClientInstrumentation client) {
      this.client = client;
    }

    @Override
    public String name() {
      return client.name();
    }

    @Override
    public boolean matches(TypeView type) {
      looked.incrementAndGet();
      return client.matches(type);
    }

    @Override
    public List<String> typeNames() {
      return client.typeNames();
    }

    @Override
    public List<HookPoint> hookPoints() {
      return client.hookPoints();
    }
  }
}
