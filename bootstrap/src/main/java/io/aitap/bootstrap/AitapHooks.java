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

  /**
   * {@code connection} enters {@code connect}, {@code getOutputStream} or {@code getInputStream}.
   * Each such call is paired with exactly one of the three exits below, so nested calls (the JDK
   * calls {@code getInputStream} from inside its own methods) can be told from the outermost one.
   */
  void urlConnectionEnter(Object connection);

  /** {@code connect} returned or threw. */
  void urlConnectionConnected(Object connection, Throwable thrown);

  /** Returns the request body stream the application should write to. */
  OutputStream urlConnectionOutput(Object connection, OutputStream stream, Throwable thrown);

  /** Returns the response body stream the application should read from; {@code responseCode} is -1 before a response. */
  InputStream urlConnectionInput(Object connection, int responseCode, InputStream stream, Throwable thrown);

  /** Returns the error body stream the application should read from. */
  InputStream urlConnectionError(Object connection, int responseCode, InputStream stream);

  /** The application gave the connection up. */
  void urlConnectionDisconnect(Object connection);

  // ---- OkHttp ------------------------------------------------------------------------------

  /** OkHttp's {@code RealCall} is about to obtain its response; returns the AI call, or null. */
  Object okHttpCallStart(Object okHttpCall);

  /** Returns the response OkHttp should hand the application instead of {@code response}. */
  Object okHttpCallEnd(Object aiCall, Object okHttpCall, Object response, Throwable thrown);

  /** An attempt's request, after every interceptor, is about to be written by {@code CallServerInterceptor}. */
  void okHttpWire(Object chain);

  // ---- Apache HttpClient (4.5 and 5.x classic) ---------------------------------------------

  /** A client enters {@code doExecute}; returns the AI call, or null. Paired with exactly one exit. */
  Object apacheClientEnter(Object target, Object request);

  /** {@code doExecute} returned {@code response} or threw; {@code aiCall} is what the entry returned. */
  void apacheClientExit(Object aiCall, Object response, Throwable thrown);

  /** HttpClient 4.5's response was closed, which releases its connection without closing its entity. */
  void apacheResponseClosed(Object response);

  /**
   * HttpClient 5's async client enters {@code doExecute}; returns the request producer and the
   * response consumer it should use instead, or null to leave them.
   */
  Object[] apacheAsyncExecute(Object target, Object producer, Object consumer);

  // ---- AWS SDK 2.x async HTTP clients (Netty NIO, CRT) --------------------------------------

  /** An {@code SdkAsyncHttpClient} enters {@code execute}; returns the request it should execute instead, or null. */
  Object awsAsyncExecute(Object request);

  /** {@code execute} returned {@code future} or threw; {@code tapped} is what the entry returned. */
  void awsAsyncExecuted(Object tapped, Object future, Throwable thrown);

  // ---- Vert.x 4.x and 5.x HTTP client ------------------------------------------------------

  /** A request is about to write {@code data} (a buffer, or null), the last of its body when {@code end}. */
  void vertxRequestWrite(Object request, Object data, boolean end);

  /** The response head reached {@code request}. */
  void vertxResponse(Object request, Object response);

  /** A body chunk is about to reach the response's handler. */
  void vertxResponseChunk(Object response, Object chunk);

  /** The response body ended. */
  void vertxResponseEnd(Object response);

  /** The request or its response failed. */
  void vertxFailed(Object requestOrResponse, Throwable failure);

  // ---- Reactor Netty (1.0 to 1.3) ------------------------------------------------------------

  /** {@code HttpClientOperations} made the request head final and are about to send it. */
  void reactorNettyRequestSending(Object operations);

  /** Netty's HTTP/1.1 client encoder of {@code channelContext} is about to encode {@code message}. */
  void reactorNettyRequestEncoding(Object channelContext, Object message);

  /** {@code HttpClientOperations} received {@code message} and are about to handle it. */
  void reactorNettyInbound(Object operations, Object message);

  /** {@code HttpClientOperations} completed their inbound side. */
  void reactorNettyInboundComplete(Object operations);

  /** A connection or its operations failed, or are about to follow a redirect ({@code error} says which). */
  void reactorNettyFailed(Object connection, Throwable error);

  /** The application cancelled the response of {@code operations}. */
  void reactorNettyCancelled(Object operations);
}
