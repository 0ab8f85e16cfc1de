package io.aitap.smoke.webflux;

import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Reports which Netty it runs on — {@link Version#identify()} and the jar each central Netty class
 * came from — then posts each chat request it is given through WebClient on Reactor Netty and
 * reports what came back. Arguments: the provider's base URL, then {@code fixture=request-body-file}
 * per call; the API key comes from {@code OPENAI_API_KEY}.
 */
@SpringBootApplication
public class WebFluxApp {

  /** Classes from each Netty module the client path goes through, and Reactor Netty's own. */
  private static final List<String> NETTY_CLASSES = List.of(
      "io.netty.util.Version",
      "io.netty.buffer.ByteBuf",
      "io.netty.channel.nio.NioEventLoopGroup",
      "io.netty.resolver.DefaultAddressResolverGroup",
      "io.netty.handler.codec.http.HttpClientCodec",
      "io.netty.handler.ssl.SslHandler",
      "reactor.netty.http.client.HttpClient");

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(WebFluxApp.class, args)));
  }

  @Bean
  CommandLineRunner calls(WebClient.Builder builder) {
    return args -> {
      System.out.println("REPORT netty-versions " + Version.identify().values().stream()
          .map(version -> version.artifactId() + "=" + version.artifactVersion())
          .sorted()
          .collect(Collectors.joining(",")));
      for (String name : NETTY_CLASSES) {
        System.out.println("REPORT netty-class " + name + " from " + jarOf(Class.forName(name)));
      }
      // the JDK resolves names, as the smoke tests' hosts file needs; Netty's DNS resolver never reads it
      WebClient client = builder.baseUrl(args[0])
          .clientConnector(new ReactorClientHttpConnector(
              HttpClient.create().resolver(DefaultAddressResolverGroup.INSTANCE)))
          .build();
      for (int i = 1; i < args.length; i++) {
        String[] call = args[i].split("=", 2);
        System.out.println("REPORT call " + call[0] + " " + post(client, call[0], Files.readAllBytes(Path.of(call[1]))));
      }
    };
  }

  private static String post(WebClient client, String fixture, byte[] body) {
    return client.post()
        .uri("/v1/chat/completions")
        .header("X-Fixture", fixture)
        .header("Authorization", "Bearer " + System.getenv("OPENAI_API_KEY"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchangeToMono(response -> DataBufferUtils.join(response.bodyToFlux(DataBuffer.class))
            .map(joined -> {
              byte[] bytes = new byte[joined.readableByteCount()];
              joined.read(bytes);
              DataBufferUtils.release(joined);
              return "status=" + response.statusCode().value() + " bytes=" + bytes.length + " sha256=" + sha256(bytes);
            }))
        .block();
  }

  /** The file name of the jar a class was loaded from: a nested jar of this one, or another on the class path. */
  private static String jarOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "(unknown)";
    }
    String location = source.getLocation().toString();
    while (location.endsWith("/") || location.endsWith("!")) {
      location = location.substring(0, location.length() - 1);
    }
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
