package io.aitap.smoke.replay;

import io.aitap.smoke.clients.JdkHttpClientProgram;
import io.aitap.smoke.clients.UrlConnectionProgram;
import io.aitap.smoke.clients.awssdk.BedrockAsyncProgram;
import io.aitap.smoke.clients.azure.AzureOpenAiProgram;
import io.aitap.smoke.clients.okhttpapache.ApacheHttpClient4Program;
import io.aitap.smoke.clients.okhttpapache.ApacheHttpClient5Program;
import io.aitap.smoke.clients.okhttpapache.OkHttpProgram;
import io.aitap.smoke.clients.reactornetty.ReactorNettyProgram;
import io.aitap.smoke.clients.vertx.VertxProgram;
import io.aitap.smoke.harness.ClientLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A client program the smoke tests run, and the ways of calling it knows (its styles). */
public final class ClientProgram {

  /** One way of making a call and consuming its response. */
  static final class Style {
    final String name;
    private final Body body;
    /**
     * False where the JDK itself withholds a 401's body: HttpURLConnection in a streaming request
     * mode cannot resend the request to answer the challenge, and returns no error stream.
     */
    final boolean seesUnauthorizedBody;

    private Style(String name, Body body, boolean seesUnauthorizedBody) {
      this.name = name;
      this.body = body;
      this.seesUnauthorizedBody = seesUnauthorizedBody;
    }

    /** A style whose application sees the body bytes themselves. */
    static Style bytes(String name) {
      return new Style(name, Body.BYTES, true);
    }

    /** A style whose application sees the body's text, decoded from exactly the bytes sent. */
    static Style text(String name) {
      return new Style(name, Body.TEXT, true);
    }

    /** A style whose application sees what the client decoded from the bytes. */
    static Style decoded(String name) {
      return new Style(name, Body.DECODED, true);
    }

    /** An HttpURLConnection style with a streaming request mode: the body bytes themselves, but no 401 body. */
    static Style streamingRequest(String name) {
      return new Style(name, Body.BYTES, false);
    }

    /** Whether the application sees exactly the bytes the provider sent for this fixture. */
    boolean seesExactBytesOf(Fixture fixture) {
      return body == Body.BYTES || (body == Body.TEXT && !fixture.binary());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** What the application gets of a response body in a style. */
  private enum Body {
    /** The bytes the provider sent. */
    BYTES,
    /** Text decoded from the bytes the provider sent, which a binary body does not survive. */
    TEXT,
    /**
     * What the client made of the bytes (lines, a body it undid gzip of, an SDK's objects): compared
     * with the run without the agent only.
     */
    DECODED
  }

  private final String name;
  private final Class<?> mainClass;
  private final List<Style> everyResponse;
  private final List<Style> streamsOnly;
  /** Used for the gzip-encoded call of each fixture, the traceparent call and ordinary traffic. */
  private final Style plain;
  /** The library the program runs on, or null for the JDK's own. */
  private final ClientLibrary libraries;

  /** A program on the JDK's own client. */
  private ClientProgram(String name, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain) {
    this(name, mainClass, everyResponse, streamsOnly, plain, null);
  }

  /** A program on the given version of a library (null: the JDK's own client), which its name shows. */
  private ClientProgram(String client, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain, ClientLibrary libraries) {
    this.name = libraries == null ? client : client + " (" + libraries + ")";
    this.mainClass = mainClass;
    this.everyResponse = everyResponse;
    this.streamsOnly = streamsOnly;
    this.plain = plain;
    this.libraries = libraries;
  }

  public static List<ClientProgram> all() {
    List<ClientProgram> all = new ArrayList<>(List.of(jdkHttpClient(), urlConnection()));
    all.addAll(libraryClients());
    return all;
  }

  /** Every client program of a client library aitap taps: {@link #all()}, Vert.x, Reactor Netty and the AWS SDK's async client. */
  public static List<ClientProgram> everyTapped() {
    List<ClientProgram> clients = new ArrayList<>(all());
    clients.addAll(vertxClients());
    clients.addAll(reactorNettyClients());
    clients.addAll(awsSdkAsyncClients());
    return clients;
  }

  public static ClientProgram jdkHttpClient() {
    return new ClientProgram(
        "java.net.http.HttpClient",
        JdkHttpClientProgram.class,
        List.of(
            Style.text("send:ofString"),
            Style.bytes("send:ofByteArray"),
            Style.bytes("send:ofInputStream"),
            Style.bytes("sendAsync:ofByteArray"),
            Style.bytes("send:custom")),
        List.of(
            Style.decoded("send:ofLines"),
            Style.bytes("sendAsync:ofPublisher"),
            Style.decoded("sendAsync:fromLineSubscriber")),
        Style.bytes("send:ofInputStream"));
  }

  public static ClientProgram urlConnection() {
    return new ClientProgram(
        "HttpURLConnection",
        UrlConnectionProgram.class,
        List.of(
            Style.bytes("buffered/buffer"),
            Style.streamingRequest("chunked/byte"),
            Style.streamingRequest("fixed/buffer")),
        List.of(),
        Style.bytes("buffered/buffer"));
  }

  // ---- OkHttp and Apache HttpClient, each at the oldest and newest version aitap claims ----------

  /**
   * These clients undo gzip themselves (HttpClient 5's async client from 5.6 on), handing the
   * application other bytes than the provider sent; so their styles compare the application's
   * bytes with the run without the agent only (decoded styles).
   */
  static List<ClientProgram> libraryClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (ClientLibrary version : ClientLibrary.versionsOf("okhttp")) {
      clients.add(new ClientProgram(
          "OkHttp",
          OkHttpProgram.class,
          List.of(
              Style.decoded("execute:string"),
              Style.decoded("execute:bytes"),
              Style.decoded("execute:byteStream"),
              Style.decoded("enqueue:byteStream")),
          List.of(Style.decoded("execute:source")),
          Style.decoded("execute:byteStream"),
          version));
    }
    for (ClientLibrary version : ClientLibrary.versionsOf("httpclient")) {
      clients.add(new ClientProgram(
          "Apache HttpClient",
          ApacheHttpClient4Program.class,
          List.of(Style.decoded("handler"), Style.decoded("stream")),
          List.of(),
          Style.decoded("stream"),
          version));
    }
    for (ClientLibrary version : ClientLibrary.versionsOf("httpclient5")) {
      clients.add(new ClientProgram(
          "Apache HttpClient",
          ApacheHttpClient5Program.class,
          List.of(Style.decoded("classic:handler"), Style.decoded("classic:stream"),
              Style.decoded("async:simple")),
          List.of(Style.decoded("async:stream")),
          Style.decoded("classic:stream"),
          version));
    }
    return clients;
  }

  // ---- Vert.x's HTTP client and WebClient, at the oldest and newest version aitap claims ----------

  /** Vert.x hands the application the bytes as they came, gzip-encoded or not. */
  public static List<ClientProgram> vertxClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (ClientLibrary version : ClientLibrary.versionsOf("vertx")) {
      clients.add(new ClientProgram(
          "Vert.x",
          VertxProgram.class,
          List.of(Style.bytes("client:body"), Style.bytes("webclient")),
          List.of(Style.bytes("client:handler")),
          Style.bytes("client:handler"),
          version));
    }
    return clients;
  }

  // ---- the AWS SDK's async client on Netty NIO, at the oldest and newest version aitap claims ----

  /** Bedrock Converse calls; the program reports what the SDK made of each response. */
  public static List<ClientProgram> awsSdkAsyncClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (ClientLibrary version : ClientLibrary.versionsOf("awssdk")) {
      Style sdk = Style.decoded("converse");
      clients.add(new ClientProgram(
          "AWS SDK BedrockRuntimeAsyncClient", BedrockAsyncProgram.class, List.of(sdk), List.of(),
          sdk, version));
    }
    return clients;
  }

  // ---- Reactor Netty, at the oldest and newest version aitap claims ------------------------------

  /**
   * Reactor Netty directly and under Spring's WebClient (Spring 5.3 with 1.0, Spring 7 with 1.3).
   * Neither undoes gzip unless told to, so the application reads the provider's own bytes. Run by
   * {@code ReactorNettySmokeTest}, apart from {@link #all()}.
   */
  public static List<ClientProgram> reactorNettyClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (ClientLibrary version : ClientLibrary.versionsOf("reactor-netty")) {
      clients.add(reactorNetty(version));
    }
    return clients;
  }

  /** Reactor Netty on the given version. */
  public static ClientProgram reactorNetty(ClientLibrary version) {
    return new ClientProgram(
        "Reactor Netty",
        ReactorNettyProgram.class,
        List.of(Style.bytes("netty:aggregate"), Style.bytes("webclient:bytes")),
        List.of(Style.bytes("netty:stream"), Style.bytes("webclient:stream")),
        Style.bytes("netty:aggregate"),
        version);
  }

  /** The Azure OpenAI SDK on azure-core-http-netty, which runs on Reactor Netty; its calls are an SDK plan ({@link SmokePlan.SdkCall}). */
  public static ClientProgram azureOpenAi() {
    Style sync = Style.decoded("sync");
    return new ClientProgram("Azure OpenAI SDK", AzureOpenAiProgram.class, List.of(sync),
        List.of(Style.decoded("stream")), sync, ClientLibrary.only("azure-ai-openai"));
  }

  /** The jars of the library the program runs on; null for the JDK's own. */
  public Path libraries() {
    return libraries == null ? null : libraries.jars();
  }

  public Class<?> mainClass() {
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

  public Style plain() {
    return plain;
  }

  @Override
  public String toString() {
    return name;
  }
}
