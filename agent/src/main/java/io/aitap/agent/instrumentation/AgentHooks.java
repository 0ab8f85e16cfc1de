package io.aitap.agent.instrumentation;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheAsyncClientTap;
import io.aitap.agent.instrumentation.apachehttpclient.ApacheHttpClientTap;
import io.aitap.agent.instrumentation.awssdk.AwsAsyncClientTap;
import io.aitap.agent.instrumentation.jdkhttp.JdkHttpClientTap;
import io.aitap.agent.instrumentation.okhttp.OkHttpTap;
import io.aitap.agent.instrumentation.reactornetty.ReactorNettyTap;
import io.aitap.agent.instrumentation.urlconnection.UrlConnectionTap;
import io.aitap.agent.instrumentation.vertx.VertxHttpClientTap;
import io.aitap.bootstrap.AitapHooks;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The agent's side of the bridge: turns the bridge's plain types back into real ones and hands
 * each hook to its library's tap. This is the fail-open line: nothing thrown here reaches the
 * application; a failing hook gives back what it was given.
 */
public final class AgentHooks implements AitapHooks {

  private final JdkHttpClientTap httpClient;
  private final UrlConnectionTap urlConnection;
  private final OkHttpTap okHttp;
  private final ApacheHttpClientTap apacheHttpClient;
  private final ApacheAsyncClientTap apacheAsyncClient;
  private final AwsAsyncClientTap awsAsyncClient;
  private final VertxHttpClientTap vertxHttpClient;
  private final ReactorNettyTap reactorNetty;

  public AgentHooks(
      JdkHttpClientTap httpClient,
      UrlConnectionTap urlConnection,
      OkHttpTap okHttp,
      ApacheHttpClientTap apacheHttpClient,
      ApacheAsyncClientTap apacheAsyncClient,
      AwsAsyncClientTap awsAsyncClient,
      VertxHttpClientTap vertxHttpClient,
      ReactorNettyTap reactorNetty) {
    this.httpClient = httpClient;
    this.urlConnection = urlConnection;
    this.okHttp = okHttp;
    this.apacheHttpClient = apacheHttpClient;
    this.apacheAsyncClient = apacheAsyncClient;
    this.awsAsyncClient = awsAsyncClient;
    this.vertxHttpClient = vertxHttpClient;
    this.reactorNetty = reactorNetty;
  }

  @Override
  public Object httpClientSend(Object request) {
    try {
      return request instanceof HttpRequest ? httpClient.send((HttpRequest) request) : null;
    } catch (Throwable t) {
      return failed("HttpClient send", t, null);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object httpClientBodyHandler(Object call, Object handler) {
    try {
      return handler instanceof HttpResponse.BodyHandler
          ? httpClient.bodyHandler((AiCall) call, (HttpResponse.BodyHandler) handler)
          : handler;
    } catch (Throwable t) {
      return failed("HttpClient body handler", t, handler);
    }
  }

  @Override
  public void httpClientSent(Object call, Object future, Throwable thrown) {
    try {
      httpClient.sent((AiCall) call, future, thrown);
    } catch (Throwable t) {
      failed("HttpClient sent", t, null);
    }
  }

  @Override
  public void urlConnectionEnter(Object connection) {
    try {
      urlConnection.enter((HttpURLConnection) connection);
    } catch (Throwable t) {
      failed("HttpURLConnection enter", t, null);
    }
  }

  @Override
  public void urlConnectionConnected(Object connection, Throwable thrown) {
    try {
      urlConnection.connected((HttpURLConnection) connection, thrown);
    } catch (Throwable t) {
      failed("HttpURLConnection connect", t, null);
    }
  }

  @Override
  public OutputStream urlConnectionOutput(Object connection, OutputStream stream, Throwable thrown) {
    try {
      return urlConnection.output((HttpURLConnection) connection, stream, thrown);
    } catch (Throwable t) {
      return failed("HttpURLConnection output", t, stream);
    }
  }

  @Override
  public InputStream urlConnectionInput(
      Object connection, int responseCode, InputStream stream, Throwable thrown) {
    try {
      return urlConnection.input((HttpURLConnection) connection, responseCode, stream, thrown);
    } catch (Throwable t) {
      return failed("HttpURLConnection input", t, stream);
    }
  }

  @Override
  public InputStream urlConnectionError(Object connection, int responseCode, InputStream stream) {
    try {
      return urlConnection.error((HttpURLConnection) connection, responseCode, stream);
    } catch (Throwable t) {
      return failed("HttpURLConnection error stream", t, stream);
    }
  }

  @Override
  public void urlConnectionDisconnect(Object connection) {
    try {
      urlConnection.disconnect((HttpURLConnection) connection);
    } catch (Throwable t) {
      failed("HttpURLConnection disconnect", t, null);
    }
  }

  // ---- OkHttp ------------------------------------------------------------------------------

  @Override
  public Object okHttpCallStart(Object okHttpCall) {
    try {
      return okHttp.start(okHttpCall);
    } catch (Throwable t) {
      return failed("OkHttp call start", t, null);
    }
  }

  @Override
  public Object okHttpCallEnd(Object aiCall, Object okHttpCall, Object response, Throwable thrown) {
    try {
      return okHttp.end((AiCall) aiCall, okHttpCall, response, thrown);
    } catch (Throwable t) {
      return failed("OkHttp call end", t, response);
    }
  }

  @Override
  public void okHttpWire(Object chain) {
    try {
      okHttp.wire(chain);
    } catch (Throwable t) {
      failed("OkHttp wire", t, null);
    }
  }

  // ---- Apache HttpClient (4.5 and 5.x classic) ---------------------------------------------

  @Override
  public Object apacheClientEnter(Object target, Object request) {
    try {
      return apacheHttpClient.enter(target, request);
    } catch (Throwable t) {
      return failed("Apache HttpClient execute", t, null);
    }
  }

  @Override
  public void apacheClientExit(Object aiCall, Object response, Throwable thrown) {
    try {
      apacheHttpClient.exit((AiCall) aiCall, response, thrown);
    } catch (Throwable t) {
      failed("Apache HttpClient response", t, null);
    }
  }

  @Override
  public void apacheResponseClosed(Object response) {
    try {
      apacheHttpClient.responseClosed(response);
    } catch (Throwable t) {
      failed("Apache HttpClient response close", t, null);
    }
  }

  @Override
  public Object[] apacheAsyncExecute(Object target, Object producer, Object consumer) {
    try {
      return apacheAsyncClient.execute(target, producer, consumer);
    } catch (Throwable t) {
      return failed("Apache HttpClient async execute", t, null);
    }
  }

  // ---- AWS SDK 2.x async HTTP clients (Netty NIO, CRT) --------------------------------------

  @Override
  public Object awsAsyncExecute(Object request) {
    try {
      return awsAsyncClient.execute(request);
    } catch (Throwable t) {
      return failed("AWS SDK async execute", t, null);
    }
  }

  @Override
  public void awsAsyncExecuted(Object tapped, Object future, Throwable thrown) {
    try {
      awsAsyncClient.executed(tapped, future, thrown);
    } catch (Throwable t) {
      failed("AWS SDK async executed", t, null);
    }
  }

  // ---- Vert.x 4.x and 5.x HTTP client ------------------------------------------------------

  @Override
  public void vertxRequestWrite(Object request, Object data, boolean end) {
    try {
      vertxHttpClient.requestWrite(request, data, end);
    } catch (Throwable t) {
      failed("Vert.x request write", t, null);
    }
  }

  @Override
  public void vertxResponse(Object request, Object response) {
    try {
      vertxHttpClient.response(request, response);
    } catch (Throwable t) {
      failed("Vert.x response", t, null);
    }
  }

  @Override
  public void vertxResponseChunk(Object response, Object chunk) {
    try {
      vertxHttpClient.responseChunk(response, chunk);
    } catch (Throwable t) {
      failed("Vert.x response chunk", t, null);
    }
  }

  @Override
  public void vertxResponseEnd(Object response) {
    try {
      vertxHttpClient.responseEnd(response);
    } catch (Throwable t) {
      failed("Vert.x response end", t, null);
    }
  }

  @Override
  public void vertxFailed(Object requestOrResponse, Throwable failure) {
    try {
      vertxHttpClient.failed(requestOrResponse, failure);
    } catch (Throwable t) {
      failed("Vert.x failure", t, null);
    }
  }

  // ---- Reactor Netty (1.0 to 1.3) ------------------------------------------------------------

  @Override
  public void reactorNettyRequestSending(Object operations) {
    try {
      reactorNetty.requestSending(operations);
    } catch (Throwable t) {
      failed("Reactor Netty request", t, null);
    }
  }

  @Override
  public void reactorNettyRequestEncoding(Object channelContext, Object message) {
    try {
      reactorNetty.requestEncoding(channelContext, message);
    } catch (Throwable t) {
      failed("Reactor Netty request body", t, null);
    }
    try {
      awsAsyncClient.requestEncoding(channelContext, message);
    } catch (Throwable t) {
      failed("AWS SDK request head", t, null);
    }
  }

  @Override
  public void reactorNettyInbound(Object operations, Object message) {
    try {
      reactorNetty.inbound(operations, message);
    } catch (Throwable t) {
      failed("Reactor Netty response", t, null);
    }
  }

  @Override
  public void reactorNettyInboundComplete(Object operations) {
    try {
      reactorNetty.inboundComplete(operations);
    } catch (Throwable t) {
      failed("Reactor Netty response end", t, null);
    }
  }

  @Override
  public void reactorNettyFailed(Object connection, Throwable error) {
    try {
      reactorNetty.failed(connection, error);
    } catch (Throwable t) {
      failed("Reactor Netty failure", t, null);
    }
  }

  @Override
  public void reactorNettyCancelled(Object operations) {
    try {
      reactorNetty.cancelled(operations);
    } catch (Throwable t) {
      failed("Reactor Netty cancel", t, null);
    }
  }

  private static <T> T failed(String hook, Throwable t, T unchanged) {
    AgentLog.debug(hook + " hook failed", t);
    return unchanged;
  }
}
