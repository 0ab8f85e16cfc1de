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
  /** The library the program runs on, or null for the JDK's own. */
  private final ClientLibrary libraries;

  private ClientProgram(String name, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain) {
    this(name, mainClass, everyResponse, streamsOnly, plain, null);
  }

  private ClientProgram(String name, Class<?> mainClass, List<Style> everyResponse, List<Style> streamsOnly,
      Style plain, ClientLibrary libraries) {
    this.name = name;
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

  public static ClientProgram urlConnection() {
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
    for (ClientLibrary version : ClientLibrary.versionsOf("okhttp")) {
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
    for (ClientLibrary version : ClientLibrary.versionsOf("httpclient")) {
      clients.add(new ClientProgram(
          "Apache HttpClient (" + version + ")",
          ApacheHttpClient4Program.class,
          List.of(new Style("handler", false), new Style("stream", false)),
          List.of(),
          new Style("stream", false),
          version));
    }
    for (ClientLibrary version : ClientLibrary.versionsOf("httpclient5")) {
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

  // ---- Vert.x's HTTP client and WebClient, at the oldest and newest version aitap claims ----------

  /** Vert.x hands the application the bytes as they came, gzip-encoded or not. */
  public static List<ClientProgram> vertxClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (ClientLibrary version : ClientLibrary.versionsOf("vertx")) {
      clients.add(new ClientProgram(
          "Vert.x (" + version + ")",
          VertxProgram.class,
          List.of(new Style("client:body", true), new Style("webclient", true)),
          List.of(new Style("client:handler", true)),
          new Style("client:handler", true),
          version));
    }
    return clients;
  }

  // ---- the AWS SDK's async client on Netty NIO, at the oldest and newest version aitap claims ----

  /** Bedrock Converse calls; the program reports what the SDK made of each response. */
  public static List<ClientProgram> awsSdkAsyncClients() {
    List<ClientProgram> clients = new ArrayList<>();
    for (ClientLibrary version : ClientLibrary.versionsOf("awssdk")) {
      Style sdk = new Style("converse", false);
      clients.add(new ClientProgram(
          "AWS SDK BedrockRuntimeAsyncClient (" + version + ")", BedrockAsyncProgram.class, List.of(sdk), List.of(),
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
        "Reactor Netty (" + version + ")",
        ReactorNettyProgram.class,
        List.of(new Style("netty:aggregate", true), new Style("webclient:bytes", true)),
        List.of(new Style("netty:stream", true), new Style("webclient:stream", true)),
        new Style("netty:aggregate", true),
        version);
  }

  /** The Azure OpenAI SDK on azure-core-http-netty, which runs on Reactor Netty; its calls are an SDK plan ({@link SmokePlan.SdkCall}). */
  public static ClientProgram azureOpenAi() {
    Style sync = new Style("sync", false);
    return new ClientProgram("Azure OpenAI SDK (azure-ai-openai)", AzureOpenAiProgram.class, List.of(sync),
        List.of(new Style("stream", false)), sync, ClientLibrary.only("azure-ai-openai"));
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
