package io.aitap.smoke.replay;

import io.aitap.smoke.clients.PlannedCall;
import io.aitap.smoke.harness.FakeProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls one client program makes in one JVM: every fixture of every provider in each of the
 * client's styles, once gzip-encoded and once over HTTPS, one call carrying a W3C
 * {@code traceparent}, one to a host aitap cannot know, and ordinary requests that are not AI calls —
 * some to an AI host, one with a body that looks like an AI request.
 */
public final class SmokePlan {

  /** The model named in ordinary requests that are not AI calls. */
  static final String NOT_AN_AI_MODEL = "not-an-ai-call";
  static final String ORDINARY_HOST = "orders.internal";
  /** A host aitap cannot know, serving the OpenAI API: an in-house gateway or relay. */
  static final String UNKNOWN_AI_HOST = "llm-gateway.internal";
  /** An OpenAI-compatible relay aitap knows by nothing but its OpenAI-style paths. */
  static final String RELAY_HOST = "api.holysheep.ai";

  /** One AI call of the plan and what answers it. */
  public static final class AiCall {
    public final PlannedCall call;
    public final Fixture fixture;
    final AiRequest request;
    final ClientProgram.Style style;
    final Transport transport;
    /** The provider the span must name. */
    final String providerName;

    /**
     * @param reportedAs the provider the test names; null: the fixture's, or an OpenAI-compatible one
     *     when the call went to another host
     */
    AiCall(PlannedCall call, Fixture fixture, AiRequest request, ClientProgram.Style style, Transport transport,
        String reportedAs) {
      this.call = call;
      this.fixture = fixture;
      this.request = request;
      this.style = style;
      this.transport = transport;
      this.providerName = reportedAs != null ? reportedAs
          : host().equals(fixture.host()) ? GenAiNames.providerName(fixture) : GenAiNames.OPENAI_COMPATIBLE;
    }

    /** The host the call went to: {@code server.address}. */
    String host() {
      return call.uri().getHost();
    }

    /** The port the call went to: {@code server.port}. */
    int port() {
      return call.uri().getPort();
    }

    /** The shape the span of this call must have. */
    SpanShape expectedSpan() {
      return SpanShape.expected(this);
    }

    /** What the span checks call this call's group: the fixture, and the host when it is not the fixture's. */
    String group() {
      return host().equals(fixture.host()) ? fixture.file() : fixture.file() + " from " + host();
    }
  }

  private final List<PlannedCall> calls = new ArrayList<>();
  private final List<AiCall> aiCalls = new ArrayList<>();
  private final FakeProvider provider;
  private final String traceparent;

  private SmokePlan(FakeProvider provider, String traceparent) {
    this.provider = provider;
    this.traceparent = traceparent;
  }

  /** Every host name a plan may call, for the hosts file and the provider's certificate. */
  public static Set<String> allHosts() {
    Set<String> hosts = new LinkedHashSet<>();
    for (Fixture fixture : Fixtures.all()) {
      hosts.add(fixture.host());
    }
    hosts.add(ORDINARY_HOST);
    hosts.add(UNKNOWN_AI_HOST);
    hosts.add(RELAY_HOST);
    return hosts;
  }

  /**
   * Every fixture of every provider in each of the client's styles, and the calls every plan has.
   *
   * @param traceparent the W3C trace context the traceparent call carries
   */
  public static SmokePlan of(ClientProgram client, FakeProvider provider, String traceparent) {
    return of(client, provider, traceparent, Fixtures.all());
  }

  /** Like {@link #of(ClientProgram, FakeProvider, String)}, with the OpenAI family's fixtures alone. */
  public static SmokePlan ofOpenAiFamily(ClientProgram client, FakeProvider provider, String traceparent) {
    return of(client, provider, traceparent, Fixtures.openAiFamily());
  }

  private static SmokePlan of(ClientProgram client, FakeProvider provider, String traceparent,
      List<Fixture> fixtures) {
    SmokePlan plan = new SmokePlan(provider, traceparent);
    plan.ordinary("GET", "api.openai.com", "/health", null, client.plain());
    // listing models is no AI call, though it asks an AI host under a path like theirs
    plan.ordinary("GET", "generativelanguage.googleapis.com", "/v1beta/models", null, client.plain());
    for (Fixture fixture : fixtures) {
      for (ClientProgram.Style style : client.styles(fixture)) {
        plan.ai(fixture, fixture.host(), style, Transport.HTTP, null);
      }
      plan.ai(fixture, fixture.host(), client.plain(), Transport.HTTP_GZIP, null);
      plan.ai(fixture, fixture.host(), client.plain(), Transport.HTTPS, null);
    }
    Fixture chat = Fixtures.named("openai-chat.json");
    plan.ai(chat, chat.host(), client.plain(), Transport.HTTP, traceparent);
    plan.ai(chat, UNKNOWN_AI_HOST, client.plain(), Transport.HTTP, null);
    byte[] lookalike = AiRequest.notAnAiCall(NOT_AN_AI_MODEL);
    plan.ordinary("POST", "api.openai.com", "/v1/other", lookalike, client.plain());
    plan.ordinary("POST", ORDINARY_HOST, "/v1/orders", lookalike, client.plain());
    return plan;
  }

  /** A plan of one plain HTTP call per fixture, in the client's plain style. */
  public static SmokePlan ofFixtures(ClientProgram client, FakeProvider provider, List<Fixture> fixtures) {
    SmokePlan plan = new SmokePlan(provider, null);
    for (Fixture fixture : fixtures) {
      plan.ai(fixture, fixture.host(), client.plain(), Transport.HTTP, null);
    }
    return plan;
  }

  /** A plan with no calls yet, for a test to add its own: {@link #aiCall}, {@link #ordinaryCall}. */
  public static SmokePlan empty(FakeProvider provider) {
    return new SmokePlan(provider, null);
  }

  /** Adds a plain HTTP call answered by {@code fixture} at {@code host}, whose span must name {@code providerName}. */
  public SmokePlan aiCall(Fixture fixture, String host, ClientProgram.Style style, String providerName) {
    ai(fixture, host, style, Transport.HTTP, null, true, providerName);
    return this;
  }

  /**
   * Adds a plain HTTP call answered by {@code fixture} at its host, with {@code headers} besides the
   * fixture's and {@code body} instead of the fixture's request body.
   */
  public SmokePlan aiCall(Fixture fixture, ClientProgram.Style style, Map<String, String> headers, byte[] body) {
    ai(fixture, fixture.host(), style, Transport.HTTP, null, true, null, headers, body);
    return this;
  }

  /** Adds a request that is no AI call: a GET, or a JSON body naming {@link #NOT_AN_AI_MODEL}. */
  public SmokePlan ordinaryCall(String method, String host, String path, ClientProgram.Style style) {
    ordinary(method, host, path, method.equals("GET") ? null : AiRequest.notAnAiCall(NOT_AN_AI_MODEL), style);
    return this;
  }

  /** How a call reaches the provider. */
  public enum Transport {
    HTTP,
    /** HTTP, with {@code Accept-Encoding: gzip}: the provider gzips the body. */
    HTTP_GZIP,
    HTTPS
  }

  /**
   * A plan of calls an SDK or a plain client makes to the fixtures' providers or elsewhere, each in
   * its own way: the planned call carries the fixture's URL and headers, and its body only for plain
   * clients; an SDK builds its own request (see {@link AiRequest}).
   */
  public static SmokePlan of(FakeProvider provider, List<SdkCall> sdkCalls) {
    SmokePlan plan = new SmokePlan(provider, null);
    for (SdkCall sdkCall : sdkCalls) {
      plan.ai(sdkCall.fixture, sdkCall.host, sdkCall.style(), sdkCall.transport, null, sdkCall.withBody);
    }
    return plan;
  }

  /** One call of an SDK plan: which fixture answers it, where it goes, how the program makes it. */
  public static final class SdkCall {
    final String operation;
    final Fixture fixture;
    final String host;
    final Transport transport;
    final boolean withBody;

    private SdkCall(String operation, Fixture fixture, String host, Transport transport, boolean withBody) {
      this.operation = operation;
      this.fixture = fixture;
      this.host = host;
      this.transport = transport;
      this.withBody = withBody;
    }

    /** An SDK call: {@code operation} names the SDK method the program calls. */
    public static SdkCall sdk(String operation, String fixture, Transport transport) {
      Fixture answer = Fixtures.named(fixture);
      return new SdkCall(operation, answer, answer.host(), transport, false);
    }

    /** A plain client's call, with the body the test wrote, to another host than the fixture's. */
    static SdkCall plain(String operation, String fixture, String host, Transport transport) {
      return new SdkCall(operation, Fixtures.named(fixture), host, transport, true);
    }

    /** The SDK program reads the operation and the request model from the style, space-separated. */
    ClientProgram.Style style() {
      return ClientProgram.Style.decoded(withBody ? operation : operation + " " + fixture.requestModel());
    }
  }

  /** @param host where the call goes; another host than the fixture's serves it the same way */
  private void ai(Fixture fixture, String host, ClientProgram.Style style, Transport transport, String traceparent) {
    ai(fixture, host, style, transport, traceparent, true);
  }

  /** @param withBody false for an SDK that writes the request body itself */
  private void ai(Fixture fixture, String host, ClientProgram.Style style, Transport transport, String traceparent,
      boolean withBody) {
    ai(fixture, host, style, transport, traceparent, withBody, null);
  }

  /** @param reportedAs the provider the span must name; null: as {@link AiCall#providerName} works out */
  private void ai(Fixture fixture, String host, ClientProgram.Style style, Transport transport, String traceparent,
      boolean withBody, String reportedAs) {
    ai(fixture, host, style, transport, traceparent, withBody, reportedAs, Map.of(), null);
  }

  private void ai(Fixture fixture, String host, ClientProgram.Style style, Transport transport, String traceparent,
      boolean withBody, String reportedAs, Map<String, String> extraHeaders, byte[] body) {
    AiRequest request = withBody ? AiRequest.of(fixture) : AiRequest.sentBySdk(fixture);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.putAll(ApiKeys.headers(fixture));
    headers.put(FakeProvider.FIXTURE_HEADER, fixture.file());
    if (transport == Transport.HTTP_GZIP) {
      headers.put("Accept-Encoding", "gzip");
    }
    if (traceparent != null) {
      headers.put("traceparent", traceparent);
    }
    headers.putAll(extraHeaders);
    PlannedCall call =
        add(transport == Transport.HTTPS, fixture.method(), host, ApiKeys.pathAndQuery(fixture), headers,
            body != null ? body : withBody ? request.body : null, style);
    aiCalls.add(new AiCall(call, fixture, request, style, transport, reportedAs));
  }

  private void ordinary(String method, String host, String path, byte[] body, ClientProgram.Style style) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    add(false, method, host, path, headers, body, style);
  }

  private PlannedCall add(boolean https, String method, String host, String pathAndQuery, Map<String, String> headers,
      byte[] body, ClientProgram.Style style) {
    String id = "c" + (calls.size() + 1);
    URI uri = URI.create(https
        ? "https://" + host + ":" + provider.httpsPort() + pathAndQuery
        : "http://" + host + ":" + provider.port() + pathAndQuery);
    PlannedCall call = new PlannedCall(id, style.name, method, uri, headers, body);
    calls.add(call);
    return call;
  }

  public List<PlannedCall> calls() {
    return Collections.unmodifiableList(calls);
  }

  public List<AiCall> aiCalls() {
    return Collections.unmodifiableList(aiCalls);
  }

  String traceparent() {
    return traceparent;
  }
}
