package io.aitap.agent.instrumentation;

import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallFactory;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.call.RecordingSink;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheAsyncClientTap;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheHttpClientTap;
import io.aitap.agent.instrumentation.awssdk.AwsAsyncClientTap;
import io.aitap.agent.instrumentation.common.CallStarts;
import io.aitap.agent.instrumentation.jdkhttp.JdkHttpClientTap;
import io.aitap.agent.instrumentation.okhttp.OkHttpTap;
import io.aitap.agent.instrumentation.reactornetty.ReactorNettyTap;
import io.aitap.agent.instrumentation.urlconnection.UrlConnectionTap;
import io.aitap.agent.instrumentation.vertx.VertxHttpClientTap;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestHeaders;
import io.aitap.bootstrap.AitapBridge;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The real advice of every client instrumentation, installed once into the test JVM, with hooks
 * whose AI calls (any path under {@code /v1/}) record the bytes they are shown.
 */
public final class InstrumentedJvm {

  /** One AI call and what its protocol saw. */
  public static final class Recorded {
    public final AiCall call;
    public final RecordingProtocol protocol;
    public final String uri;

    Recorded(AiCall call, RecordingProtocol protocol, String uri) {
      this.call = call;
      this.protocol = protocol;
      this.uri = uri;
    }
  }

  private static final List<Recorded> CALLS = new CopyOnWriteArrayList<>();
  private static boolean installed;
  /** As {@code aitap.attribution.baggage=team} sets it up: the calls read the {@code team} baggage entry. */
  private static final Attribution TEAM_FROM_BAGGAGE = Attribution.fromConfig(
      new AitapConfig(properties("aitap.attribution.baggage", "team"), Map.of()));

  private InstrumentedJvm() {}

  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    CallStarts starts = InstrumentedJvm::start;
    CallFactory noAi =
        new CallFactory(new EndpointClassifier(Collections.emptyList(), false), new RecordingSink());
    AitapBridge.install(
        new AgentHooks(
            new JdkHttpClientTap(noAi),
            new UrlConnectionTap(noAi),
            new OkHttpTap(starts),
            new ApacheHttpClientTap(starts),
            new ApacheAsyncClientTap(starts),
            new AwsAsyncClientTap(starts),
            new VertxHttpClientTap(starts),
            new ReactorNettyTap(starts)));
    ClientInstrumentations.install(
        ByteBuddyAgent.install(), new AitapConfig(new Properties(), Map.of()));
  }

  private static Properties properties(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }

  /** Forgets the calls recorded so far. */
  public static void reset() {
    CALLS.clear();
  }

  public static List<Recorded> calls() {
    return CALLS;
  }

  private static AiCall start(URI uri, String traceparent, RequestHeaders headers) {
    if (uri.getPath() == null || !uri.getPath().startsWith("/v1/")) {
      return null;
    }
    RecordingProtocol protocol = new RecordingProtocol();
    AiCall call = new AiCall(new AiEndpoint("openai", protocol, uri.getHost(), uri.getPort(), null), new RecordingSink(),
        traceparent, TEAM_FROM_BAGGAGE);
    call.requestHeaders(headers);
    CALLS.add(new Recorded(call, protocol, uri.toString()));
    return call;
  }
}
