package io.aitap.agent.instrumentation.urlconnection;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.call.CallStarts;
import io.aitap.agent.instrumentation.ClientHooks;
import io.aitap.agent.instrumentation.HookRegistry;
import io.aitap.agent.instrumentation.common.AbandonWatch;
import io.aitap.agent.instrumentation.common.WeakCalls;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;

/**
 * What the {@code HttpURLConnection} hooks do. A connection has no room for our state, so AI
 * connections are kept in a weak map; any other connection costs each hook one endpoint check.
 *
 * <p>The JDK calls {@code getInputStream} from inside its own methods; every entry is paired with
 * an exit, and only the outermost exit acts.
 */
public final class UrlConnectionTap implements ClientHooks {

  // The hooks woven into its library, by name.
  static final String ENTER = "urlconnection.enter";
  static final String CONNECTED = "urlconnection.connected";
  static final String OUTPUT = "urlconnection.output";
  static final String INPUT = "urlconnection.input";
  static final String ERROR = "urlconnection.error";
  static final String DISCONNECT = "urlconnection.disconnect";

  private final CallStarts calls;
  private final WeakCalls<ConnectionCall> tracked = new WeakCalls<>();

  public UrlConnectionTap(CallStarts calls) {
    this.calls = calls;
  }

  @Override
  public void registerHooks(HookRegistry hooks) {
    hooks.addListener(ENTER, (connection, none, value, thrown) -> enter((HttpURLConnection) connection));
    hooks.addListener(CONNECTED, (connection, none, value, thrown) -> connected((HttpURLConnection) connection, thrown));
    hooks.add(OUTPUT, (connection, none, stream, thrown) -> output((HttpURLConnection) connection, (OutputStream) stream, thrown));
    hooks.add(
        INPUT,
        (connection, code, stream, thrown) -> input((HttpURLConnection) connection, (Integer) code, (InputStream) stream, thrown));
    hooks.add(ERROR, (connection, code, stream, thrown) -> error((HttpURLConnection) connection, (Integer) code, (InputStream) stream));
    hooks.addListener(DISCONNECT, (connection, none, value, thrown) -> disconnect((HttpURLConnection) connection));
  }

  public void enter(HttpURLConnection connection) {
    if (!calls.mayBeAi(connection.getURL())) {
      return;
    }
    ConnectionCall state = tracked.get(connection);
    if (state == null) {
      AiCall call = calls.start(connection.getURL(), name -> requestProperty(connection, name));
      if (call == null) {
        return;
      }
      state = new ConnectionCall(call);
      tracked.put(connection, state);
      AbandonWatch.watch(connection, call);
    }
    state.depth++;
  }

  public void connected(HttpURLConnection connection, Throwable thrown) {
    ConnectionCall state = outermostExit(connection);
    if (state == null) {
      return;
    }
    try {
      if (thrown != null) {
        state.call.failed(thrown);
      }
    } finally {
      state.depth--;
    }
  }

  public OutputStream output(HttpURLConnection connection, OutputStream stream, Throwable thrown) {
    ConnectionCall state = outermostExit(connection);
    if (state == null) {
      return stream;
    }
    try {
      if (thrown != null) {
        state.call.failed(thrown);
        return stream;
      }
      return stream == null ? null : state.tapRequest(stream);
    } finally {
      state.depth--;
    }
  }

  public InputStream input(
      HttpURLConnection connection, int responseCode, InputStream stream, Throwable thrown) {
    ConnectionCall state = outermostExit(connection);
    if (state == null) {
      return stream;
    }
    try {
      if (responseCode > 0) {
        state.recordHead(connection, responseCode);
      }
      if (thrown != null) {
        // With a status, the body of an error response is read through getErrorStream.
        if (responseCode <= 0) {
          state.call.failed(thrown);
        }
        return stream;
      }
      return stream == null ? null : state.tapResponse(stream, connection);
    } finally {
      state.depth--;
    }
  }

  public InputStream error(HttpURLConnection connection, int responseCode, InputStream stream) {
    ConnectionCall state = exiting(connection);
    if (state == null || state.depth > 0 || responseCode < 400) {
      return stream;
    }
    state.recordHead(connection, responseCode);
    if (stream == null) {
      state.call.responseComplete();
      return null;
    }
    return state.tapResponse(stream, connection);
  }

  public void disconnect(HttpURLConnection connection) {
    ConnectionCall state = exiting(connection);
    if (state != null && state.depth == 0) {
      state.call.abandoned();
    }
  }

  /**
   * The state of an AI connection whose outermost nested method is exiting, for the caller to act
   * on and then leave ({@code depth--}); null for any other connection, and for an inner exit, which
   * is only counted. When the outermost method exits, any tracing advice inside aitap's (the
   * OpenTelemetry Java agent's, whose {@code -javaagent} came first) has set the request's
   * {@code traceparent}: the call takes the trace context the request goes out with.
   */
  private ConnectionCall outermostExit(HttpURLConnection connection) {
    ConnectionCall state = exiting(connection);
    if (state == null) {
      return null;
    }
    if (state.depth != 1) {
      state.depth--;
      return null;
    }
    state.call.requestHeaders(name -> requestProperty(connection, name));
    return state;
  }

  private ConnectionCall exiting(HttpURLConnection connection) {
    return calls.mayBeAi(connection.getURL()) ? tracked.get(connection) : null;
  }

  private static String requestProperty(HttpURLConnection connection, String name) {
    try {
      return connection.getRequestProperty(name);
    } catch (IllegalStateException alreadyConnected) {
      return null;
    }
  }
}
