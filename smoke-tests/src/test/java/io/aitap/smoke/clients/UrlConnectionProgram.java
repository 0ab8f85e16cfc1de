package io.aitap.smoke.clients;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.util.Map;

/**
 * An application using {@link HttpURLConnection}. The style of a planned call is
 * {@code <request mode>/<read mode>}: the request body is written buffered (the default),
 * {@code chunked} or {@code fixed}-length through {@code getOutputStream}; the response is read from
 * {@code getInputStream}, or {@code getErrorStream} for 4xx/5xx, in {@code buffer}s or one
 * {@code byte} at a time.
 */
public final class UrlConnectionProgram {

  private static final int TIMEOUT_MILLIS = 30_000;
  private static final int CHUNK_LENGTH = 64;
  private static final int READ_SIZE = 512;

  public static void main(String[] args) throws Exception {
    PlanRunner.run(args, UrlConnectionProgram::call);
  }

  private static CallReport call(PlannedCall call) throws Exception {
    String[] style = call.style().split("/");
    String requestMode = style[0];
    boolean byteReads = style[1].equals("byte");
    HttpURLConnection connection = (HttpURLConnection) call.uri().toURL().openConnection();
    try {
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setRequestMethod(call.method());
      for (Map.Entry<String, String> header : call.headers().entrySet()) {
        connection.setRequestProperty(header.getKey(), header.getValue());
      }
      if (call.hasBody()) {
        writeBody(connection, requestMode, call.body());
      }
      int status = connection.getResponseCode();
      InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      return CallReport.completed(call.id(), status, readAll(body, byteReads), PlanRunner.requestSha256(call));
    } finally {
      connection.disconnect();
    }
  }

  private static void writeBody(HttpURLConnection connection, String mode, byte[] body) throws Exception {
    connection.setDoOutput(true);
    switch (mode) {
      case "buffered":
        break;
      case "chunked":
        connection.setChunkedStreamingMode(CHUNK_LENGTH);
        break;
      case "fixed":
        connection.setFixedLengthStreamingMode(body.length);
        break;
      default:
        throw new IllegalArgumentException("unknown request mode " + mode);
    }
    try (OutputStream out = connection.getOutputStream()) {
      int half = body.length / 2;
      out.write(body, 0, half);
      out.write(body[half]);
      out.write(body, half + 1, body.length - half - 1);
    }
  }

  private static String readAll(InputStream body, boolean byteReads) throws Exception {
    BodyDigest digest = new BodyDigest();
    if (body == null) {
      return digest.hex();
    }
    try (InputStream in = body) {
      if (byteReads) {
        int b;
        while ((b = in.read()) != -1) {
          digest.update(b);
        }
      } else {
        byte[] buffer = new byte[READ_SIZE];
        int n;
        while ((n = in.read(buffer)) != -1) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return digest.hex();
  }
}
