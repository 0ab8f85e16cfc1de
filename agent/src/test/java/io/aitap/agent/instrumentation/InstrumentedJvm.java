package io.aitap.agent.instrumentation;

import io.aitap.agent.BridgeInjection;
import io.aitap.agent.attribution.Attribution;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.call.RecordingProtocol;
import io.aitap.agent.call.RecordingSink;
import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.RequestHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The real advice and hooks of every client, installed once into the test JVM (the bridge in the
 * bootstrap loader, as the agent puts it), with calls that are AI for any path under {@code /v1/}
 * and record the bytes they are shown.
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
    Instrumentation instrumentation = ByteBuddyAgent.install();
    try {
      BridgeInjection.inject(instrumentation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CallStarts starts = InstrumentedJvm::start;
    ClientInstrumentations.install(instrumentation, new AitapConfig(new Properties(), Map.of()), starts);
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

  private static AiCall start(URI uri, RequestHeaders headers) {
    if (uri.getPath() == null || !uri.getPath().startsWith("/v1/")) {
      return null;
    }
    RecordingProtocol protocol = new RecordingProtocol();
    AiCall call = new AiCall(new AiEndpoint("openai", protocol, uri.getHost(), uri.getPort(), null), new RecordingSink(), TEAM_FROM_BAGGAGE);
    call.requestHeaders(headers);
    CALLS.add(new Recorded(call, protocol, uri.toString()));
    return call;
  }
}
