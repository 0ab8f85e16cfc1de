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
 * The real hooks of every client, installed once into the test JVM (the bridge in the
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
  /** What the endpoint check was asked about, by the way a tap asked it. */
  private static final List<String> CHECKED_URLS = new CopyOnWriteArrayList<>();
  private static final List<URI> CHECKED_URIS = new CopyOnWriteArrayList<>();
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
    CallStarts starts = new CallStarts() {
      @Override
      public AiCall start(URI uri, RequestHeaders headers) {
        CHECKED_URIS.add(uri);
        return InstrumentedJvm.start(uri, headers);
      }

      @Override
      public AiCall start(String url, RequestHeaders headers) {
        CHECKED_URLS.add(url);
        return InstrumentedJvm.start(URI.create(url), headers);
      }
    };
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
    CHECKED_URLS.clear();
    CHECKED_URIS.clear();
  }

  public static List<Recorded> calls() {
    return CALLS;
  }

  /** The URLs taps asked about as the strings their library holds, AI calls or not. */
  public static List<String> checkedUrls() {
    return CHECKED_URLS;
  }

  /** The URIs taps built to ask about their requests. */
  public static List<URI> checkedUris() {
    return CHECKED_URIS;
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
