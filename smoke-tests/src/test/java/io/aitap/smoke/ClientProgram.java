package io.aitap.smoke;

import io.aitap.smoke.clients.JdkHttpClientProgram;
import io.aitap.smoke.clients.UrlConnectionProgram;
import io.aitap.smoke.clients.okhttpapache.ApacheHttpClient4Program;
import io.aitap.smoke.clients.okhttpapache.ApacheHttpClient5Program;
import io.aitap.smoke.clients.okhttpapache.OkHttpProgram;
import java.util.ArrayList;
import java.util.List;

/** A client program the smoke tests run, and the ways of calling it knows (its styles). */
final class ClientProgram {

  /** One way of making a call and consuming its response. */
  static final class Style {
    final String name;
    /** Whether the application sees the body bytes themselves, not lines decoded from them. */
    private final boolean exactBytes;
    /**
     * False where the JDK itself withholds a 401's body: HttpURLConnection in a streaming request
     * mode cannot resend the request to answer the challenge, and returns no error stream.
     */
    final boolean seesUnauthorizedBody;
    /** Whether the application reads the body as UTF-8 text, which a binary body does not survive. */
    private final boolean decodesText;

    Style(String name, boolean exactBytes) {
      this(name, exactBytes, true, false);
    }

    Style(String name, boolean exactBytes, boolean seesUnauthorizedBody) {
      this(name, exactBytes, seesUnauthorizedBody, false);
    }

    private Style(String name, boolean exactBytes, boolean seesUnauthorizedBody, boolean decodesText) {
      this.name = name;
      this.exactBytes = exactBytes;
      this.seesUnauthorizedBody = seesUnauthorizedBody;
      this.decodesText = decodesText;
    }

    /** A style whose application sees the body's text, decoded from exactly the bytes sent. */
    static Style decodingText(String name) {
      return new Style(name, true, true, true);
    }

    /** Whether the application sees exactly the bytes the provider sent for this fixture. */
    boolean seesExactBytesOf(Fixture fixture) {
      return exactBytes && !(decodesText && fixture.binary());
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
  /** The directory under {@code target/clients} with the library the program runs on, or null for the JDK's own. */
  private final String libraries;

  private ClientProgram(String name, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain) {
    this(name, mainClass, everyResponse, streamsOnly, plain, null);
  }

  private ClientProgram(String name, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain, String libraries) {
    this.name = name;
    this.mainClass = mainClass;
    this.everyResponse = everyResponse;
    this.streamsOnly = streamsOnly;
    this.plain = plain;
    this.libraries = libraries;
  }

  static List<ClientProgram> all() {
    List<ClientProgram> all = new ArrayList<>(List.of(jdkHttpClient(), urlConnection()));
    all.addAll(libraryClients());
    return all;
  }

  static ClientProgram jdkHttpClient() {
    return new ClientProgram(
        "java.net.http.HttpClient",
        JdkHttpClientProgram.class,
        List.of(
            Style.decodingText("send:ofString"),
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

  // ---- OkHttp and Apache HttpClient, each at the oldest and newest version aitap claims ----------

  /**
   * These clients undo gzip themselves (HttpClient 5's async client from 5.6 on), handing the
   * application other bytes than the provider sent; so their styles compare the application's
   * bytes with the run without the agent only ({@code exactBytes} false).
   */
  static List<ClientProgram> libraryClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (String version : List.of("okhttp-3.12", "okhttp-4", "okhttp-5")) {
      clients.add(new ClientProgram(
          "OkHttp (" + version + ")",
          OkHttpProgram.class,
          List.of(
              new Style("execute:string", false),
              new Style("execute:bytes", false),
              new Style("execute:byteStream", false),
              new Style("enqueue:byteStream", false)),
          List.of(new Style("execute:source", false)),
          new Style("execute:byteStream", false),
          version));
    }
    for (String version : List.of("httpclient-4.5.0", "httpclient-4.5.14")) {
      clients.add(new ClientProgram(
          "Apache HttpClient (" + version + ")",
          ApacheHttpClient4Program.class,
          List.of(new Style("handler", false), new Style("stream", false)),
          List.of(),
          new Style("stream", false),
          version));
    }
    for (String version : List.of("httpclient5-5.1", "httpclient5-5.6")) {
      clients.add(new ClientProgram(
          "Apache HttpClient (" + version + ")",
          ApacheHttpClient5Program.class,
          List.of(new Style("classic:handler", false), new Style("classic:stream", false),
              new Style("async:simple", false)),
          List.of(new Style("async:stream", false)),
          new Style("classic:stream", false),
          version));
    }
    return clients;
  }

  /** See {@link #libraries}. */
  String libraries() {
    return libraries;
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
