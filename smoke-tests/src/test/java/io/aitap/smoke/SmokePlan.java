package io.aitap.smoke;

import io.aitap.smoke.clients.PlannedCall;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls one client program makes in one JVM: every OpenAI-family fixture in each of the
 * client's styles and once gzip-encoded, one call carrying a W3C {@code traceparent}, and ordinary
 * requests that are not AI calls — some to an AI host, one with a body that looks like an AI request.
 */
final class SmokePlan {

  /** The API key every AI call carries; it must never show up in telemetry. */
  static final String API_KEY = "sk-smoke-DO-NOT-RECORD-7f3a9c1e5b";
  /** The model named in ordinary requests that are not AI calls. */
  static final String NOT_AN_AI_MODEL = "not-an-ai-call";
  static final String ORDINARY_HOST = "orders.internal";
  static final String TRACEPARENT_FIXTURE = "openai-chat.json";

  /** One AI call of the plan and what answers it. */
  static final class AiCall {
    final PlannedCall call;
    final Fixture fixture;
    final AiRequest request;
    final ClientProgram.Style style;
    final boolean gzip;

    AiCall(PlannedCall call, Fixture fixture, AiRequest request, ClientProgram.Style style, boolean gzip) {
      this.call = call;
      this.fixture = fixture;
      this.request = request;
      this.style = style;
      this.gzip = gzip;
    }
  }

  private final List<PlannedCall> calls = new ArrayList<>();
  private final List<AiCall> aiCalls = new ArrayList<>();
  private final Set<String> hosts = new LinkedHashSet<>();
  private final int port;
  private final String traceparent;
  private PlannedCall traceparentCall;

  private SmokePlan(int port, String traceparent) {
    this.port = port;
    this.traceparent = traceparent;
    hosts.add(ORDINARY_HOST);
  }

  /**
   * @param port where the fake provider listens; every host of the plan resolves to 127.0.0.1
   * @param traceparent the W3C trace context the traceparent call carries
   */
  static SmokePlan of(ClientProgram client, int port, String traceparent) {
    SmokePlan plan = new SmokePlan(port, traceparent);
    plan.ordinary("GET", "api.openai.com", "/health", null, client.plain());
    for (Fixture fixture : Fixtures.openAiFamily()) {
      for (ClientProgram.Style style : client.styles(fixture)) {
        plan.ai(fixture, style, false, null);
      }
      plan.ai(fixture, client.plain(), true, null);
    }
    plan.traceparentCall = plan.ai(Fixtures.named(TRACEPARENT_FIXTURE), client.plain(), false, traceparent);
    byte[] lookalike = AiRequest.notAnAiCall(NOT_AN_AI_MODEL);
    plan.ordinary("POST", "api.openai.com", "/v1/other", lookalike, client.plain());
    plan.ordinary("POST", ORDINARY_HOST, "/v1/orders", lookalike, client.plain());
    return plan;
  }

  /** A plan of a few calls for one fixture each, in the client's plain style. */
  static SmokePlan ofFixtures(ClientProgram client, int port, List<Fixture> fixtures) {
    SmokePlan plan = new SmokePlan(port, null);
    for (Fixture fixture : fixtures) {
      plan.ai(fixture, client.plain(), false, null);
    }
    return plan;
  }

  private PlannedCall ai(Fixture fixture, ClientProgram.Style style, boolean gzip, String traceparent) {
    AiRequest request = AiRequest.of(fixture);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Authorization", "Bearer " + API_KEY);
    headers.put(FakeProvider.FIXTURE_HEADER, fixture.file());
    if (gzip) {
      headers.put("Accept-Encoding", "gzip");
    }
    if (traceparent != null) {
      headers.put("traceparent", traceparent);
    }
    PlannedCall call = add(fixture.method(), fixture.host(), fixture.pathAndQuery(), headers, request.body, style);
    aiCalls.add(new AiCall(call, fixture, request, style, gzip));
    return call;
  }

  private void ordinary(String method, String host, String path, byte[] body, ClientProgram.Style style) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    add(method, host, path, headers, body, style);
  }

  private PlannedCall add(String method, String host, String pathAndQuery, Map<String, String> headers, byte[] body,
      ClientProgram.Style style) {
    hosts.add(host);
    String id = "c" + (calls.size() + 1);
    PlannedCall call =
        new PlannedCall(id, style.name, method, URI.create("http://" + host + ":" + port + pathAndQuery), headers, body);
    calls.add(call);
    return call;
  }

  List<PlannedCall> calls() {
    return Collections.unmodifiableList(calls);
  }

  List<AiCall> aiCalls() {
    return Collections.unmodifiableList(aiCalls);
  }

  /** The host names the plan's calls go to. */
  Set<String> hosts() {
    return Collections.unmodifiableSet(hosts);
  }

  int port() {
    return port;
  }

  String traceparent() {
    return traceparent;
  }

  /** The call that carries {@link #traceparent()}, or null in a plan without one. */
  PlannedCall traceparentCall() {
    return traceparentCall;
  }
}
