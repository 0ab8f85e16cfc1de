package io.aitap.bootstrap;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * What advice inlined into JDK classes may call. Lives on the bootstrap class path because code in
 * {@code java.base} and {@code java.net.http} can see nothing else; so its signatures use plain JDK
 * types and {@code Object} for everything the agent owns.
 *
 * <p>Every method must return quickly, never throw, and hand back its stream or handler argument
 * unchanged when the exchange is not an AI call.
 */
public interface AitapHooks {

  /** {@code java.net.http.HttpClient} is about to send {@code request}; returns the call, or null if it is not AI. */
  Object httpClientSend(Object request);

  /** Returns the body handler the client should use instead of {@code handler} for {@code call}. */
  Object httpClientBodyHandler(Object call, Object handler);

  /** The client accepted (or refused, {@code thrown}) the exchange; {@code future} completes with the response. */
  void httpClientSent(Object call, Object future, Throwable thrown);

  /** {@code connection} is about to connect or hand out a stream. */
  void urlConnectionStart(Object connection);

  /** Returns the request body stream the application should write to. */
  OutputStream urlConnectionOutput(Object connection, OutputStream stream, Throwable thrown);

  /** Returns the response body stream the application should read from. */
  InputStream urlConnectionInput(Object connection, InputStream stream, Throwable thrown);

  /** Returns the error body stream the application should read from. */
  InputStream urlConnectionError(Object connection, InputStream stream);

  /** The application gave the connection up. */
  void urlConnectionDisconnect(Object connection);
}
