package io.aitap.smoke.deploy;

import io.aitap.smoke.harness.ServerKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1, made with the JDK's keytool, for a server the test
 * starts; a Go program trusts it through {@code SSL_CERT_FILE} pointing at {@link #pem()}.
 */
final class LoopbackCertificate {

  private static final String PASSWORD = "smoke-only";

  private final Path keyStore;
  private final Path pem;

  private LoopbackCertificate(Path keyStore, Path pem) {
    this.keyStore = keyStore;
    this.pem = pem;
  }

  static LoopbackCertificate generate(Path directory) throws IOException, InterruptedException {
    Path keyStore = directory.resolve("loopback.p12");
    Path pem = directory.resolve("loopback.pem");
    keytool("-genkeypair", "-alias", "loopback", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "loopback", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
        "-file", pem.toString());
    return new LoopbackCertificate(keyStore, pem);
  }

  /** The certificate, PEM-encoded: the only root a client given it trusts. */
  Path pem() {
    return pem;
  }

  SSLContext serverContext() {
    return ServerKeys.serverContext(keyStore, PASSWORD);
  }


  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }
}
