package io.aitap.smoke.clients;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * A service that makes its AI calls through {@code java.net.http.HttpClient} and then keeps running
 * to be scraped, until its stop file appears (or two minutes pass).
 */
public final class ScrapedProgram {

  private static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(2);

  private ScrapedProgram() {}

  /** @param args the plan file, then the stop file */
  public static void main(String[] args) throws Exception {
    JdkHttpClientProgram.main(new String[] {args[0]});
    Path stop = Paths.get(args[1]);
    long deadline = System.nanoTime() + MAX_WAIT_NANOS;
    while (!Files.exists(stop) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
