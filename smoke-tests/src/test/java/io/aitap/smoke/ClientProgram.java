package io.aitap.smoke;

import io.aitap.smoke.clients.JdkHttpClientProgram;
import io.aitap.smoke.clients.UrlConnectionProgram;
import java.util.ArrayList;
import java.util.List;

/** A client program the smoke tests run, and the ways of calling it knows (its styles). */
final class ClientProgram {

  /** One way of making a call and consuming its response. */
  static final class Style {
    final String name;
    /** Whether the application sees the body bytes themselves, not lines decoded from them. */
    final boolean exactBytes;
    /**
     * False where the JDK itself withholds a 401's body: HttpURLConnection in a streaming request
     * mode cannot resend the request to answer the challenge, and returns no error stream.
     */
    final boolean seesUnauthorizedBody;

    Style(String name, boolean exactBytes) {
      this(name, exactBytes, true);
    }

    Style(String name, boolean exactBytes, boolean seesUnauthorizedBody) {
      this.name = name;
      this.exactBytes = exactBytes;
      this.seesUnauthorizedBody = seesUnauthorizedBody;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private final String name;
  private final Class<?> mainClass;
  private final List<Style> everyResponse;
  private final List<Style> streamsOnly;
  /** Used for the gzip-encoded call of each fixture, the traceparent call and ordinary traffic. */
  private final Style plain;

  private ClientProgram(String name, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain) {
    this.name = name;
    this.mainClass = mainClass;
    this.everyResponse = everyResponse;
    this.streamsOnly = streamsOnly;
    this.plain = plain;
  }

  static List<ClientProgram> all() {
    return List.of(jdkHttpClient(), urlConnection());
  }

  static ClientProgram jdkHttpClient() {
    return new ClientProgram(
        "java.net.http.HttpClient",
        JdkHttpClientProgram.class,
        List.of(
            new Style("send:ofString", true),
            new Style("send:ofByteArray", true),
            new Style("send:ofInputStream", true),
            new Style("sendAsync:ofByteArray", true),
            new Style("send:custom", true)),
        List.of(
            new Style("send:ofLines", false),
            new Style("sendAsync:ofPublisher", true),
            new Style("sendAsync:fromLineSubscriber", false)),
        new Style("send:ofInputStream", true));
  }

  static ClientProgram urlConnection() {
    return new ClientProgram(
        "HttpURLConnection",
        UrlConnectionProgram.class,
        List.of(
            new Style("buffered/buffer", true),
            new Style("chunked/byte", true, false),
            new Style("fixed/buffer", true, false)),
        List.of(),
        new Style("buffered/buffer", true));
  }

  Class<?> mainClass() {
    return mainClass;
  }

  /** The styles each call answered by this fixture is made in. */
  List<Style> styles(Fixture fixture) {
    List<Style> styles = new ArrayList<>(everyResponse);
    if (fixture.stream()) {
      styles.addAll(streamsOnly);
    }
    if (fixture.status() == 401) {
      styles.removeIf(style -> !style.seesUnauthorizedBody);
    }
    return styles;
  }

  Style plain() {
    return plain;
  }

  @Override
  public String toString() {
    return name;
  }
}
