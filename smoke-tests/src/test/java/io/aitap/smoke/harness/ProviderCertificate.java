package io.aitap.smoke.harness;

import io.aitap.smoke.replay.SmokePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for the fake provider, made with the JDK's keytool when the tests
 * start, naming every provider host, so clients call {@code https://api.openai.com} and trust it
 * through a trust store that holds only this certificate.
 */
final class ProviderCertificate {

  private static final String PASSWORD = "smoke-only";
  private static final String ALIAS = "fake-provider";
  private static ProviderCertificate instance;

  private final Path keyStore;
  private final Path trustStore;

  private ProviderCertificate(Path keyStore, Path trustStore) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
  }

  /** The certificate for every host a smoke plan may call, made once per test JVM. */
  static synchronized ProviderCertificate get() {
    if (instance == null) {
      instance = generate(SmokePlan.allHosts());
    }
    return instance;
  }

  SSLContext serverContext() {
    return ServerKeys.serverContext(keyStore, PASSWORD);
  }


  /** System properties that make a JVM trust this certificate, and only it. */
  Map<String, String> trustProperties() {
    return Map.of(
        "javax.net.ssl.trustStore", trustStore.toString(),
        "javax.net.ssl.trustStoreType", "PKCS12",
        "javax.net.ssl.trustStorePassword", PASSWORD);
  }

  private static ProviderCertificate generate(Set<String> hosts) {
    try {
      Path directory = Files.createTempDirectory(
          Files.createDirectories(Paths.get(System.getProperty("aitap.smoke.work"))), "tls-");
      Path keyStore = directory.resolve("provider.p12");
      Path certificate = directory.resolve("provider.crt");
      Path trustStore = directory.resolve("trust.p12");
      List<String> names = new ArrayList<>();
      for (String host : hosts) {
        names.add("dns:" + host);
      }
      keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
          "-dname", "CN=fake-provider", "-ext", "SAN=" + String.join(",", names), "-validity", "2",
          "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
      keytool("-exportcert", "-alias", ALIAS, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
          "-file", certificate.toString());
      keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", certificate.toString(),
          "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
      return new ProviderCertificate(keyStore, trustStore);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
