package io.aitap.bootstrap;

import java.io.InputStream;
import java.io.OutputStream;

/** Used until the agent has started, and forever when it could not. */
final class NoopHooks implements AitapHooks {

  static final NoopHooks INSTANCE = new NoopHooks();

  private NoopHooks() {}

  @Override
  public Object httpClientSend(Object request) {
    return null;
  }

  @Override
  public Object httpClientBodyHandler(Object call, Object handler) {
    return handler;
  }

  @Override
  public void httpClientSent(Object call, Object future, Throwable thrown) {}

  @Override
  public void urlConnectionEnter(Object connection) {}

  @Override
  public void urlConnectionConnected(Object connection, Throwable thrown) {}

  @Override
  public OutputStream urlConnectionOutput(Object connection, OutputStream stream, Throwable thrown) {
    return stream;
  }

  @Override
  public InputStream urlConnectionInput(
      Object connection, int responseCode, InputStream stream, Throwable thrown) {
    return stream;
  }

  @Override
  public InputStream urlConnectionError(Object connection, int responseCode, InputStream stream) {
    return stream;
  }

  @Override
  public void urlConnectionDisconnect(Object connection) {}

  // ---- OkHttp ------------------------------------------------------------------------------

  @Override
  public Object okHttpCallStart(Object okHttpCall) {
    return null;
  }

  @Override
  public Object okHttpCallEnd(Object aiCall, Object okHttpCall, Object response, Throwable thrown) {
    return response;
  }

  @Override
  public void okHttpWire(Object chain) {}

  // ---- Apache HttpClient (4.5 and 5.x classic) ---------------------------------------------

  @Override
  public Object apacheClientEnter(Object target, Object request) {
    return null;
  }

  @Override
  public void apacheClientExit(Object aiCall, Object response, Throwable thrown) {}

  @Override
  public void apacheResponseClosed(Object response) {}

  @Override
  public Object[] apacheAsyncExecute(Object target, Object producer, Object consumer) {
    return null;
  }

  // ---- AWS SDK 2.x async HTTP clients (Netty NIO, CRT) --------------------------------------

  @Override
  public Object awsAsyncExecute(Object request) {
    return null;
  }

  @Override
  public void awsAsyncExecuted(Object tapped, Object future, Throwable thrown) {}

  // ---- Vert.x 4.x and 5.x HTTP client ------------------------------------------------------

  @Override
  public void vertxRequestWrite(Object request, Object data, boolean end) {}

  @Override
  public void vertxResponse(Object request, Object response) {}

  @Override
  public void vertxResponseChunk(Object response, Object chunk) {}

  @Override
  public void vertxResponseEnd(Object response) {}

  @Override
  public void vertxFailed(Object requestOrResponse, Throwable failure) {}

  // ---- Reactor Netty (1.0 to 1.3) ------------------------------------------------------------

  @Override
  public void reactorNettyRequestSending(Object operations) {}

  @Override
  public void reactorNettyRequestEncoding(Object channelContext, Object message) {}

  @Override
  public void reactorNettyInbound(Object operations, Object message) {}

  @Override
  public void reactorNettyInboundComplete(Object operations) {}

  @Override
  public void reactorNettyFailed(Object connection, Throwable error) {}

  @Override
  public void reactorNettyCancelled(Object operations) {}
}
