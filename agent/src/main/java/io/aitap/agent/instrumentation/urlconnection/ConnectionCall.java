package io.aitap.agent.instrumentation.urlconnection;

import io.aitap.agent.call.AiCall;
import io.aitap.agent.instrumentation.common.TeeInputStream;
import io.aitap.agent.instrumentation.common.TeeOutputStream;
import io.aitap.agent.protocol.ResponseHead;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;

/**
 * The call of one AI connection and the streams handed out for it. The JDK returns the same stream
 * object to repeated calls, so the same tee is handed back for it. Streams are held weakly: they
 * can reach the connection, which is the weak key this state is stored under.
 */
final class ConnectionCall {

  final AiCall call;
  int depth;
  private boolean headRecorded;
  private WeakReference<TeeOutputStream> requestTee = new WeakReference<>(null);
  private WeakReference<OutputStream> requestRaw = new WeakReference<>(null);
  private WeakReference<TeeInputStream> responseTee = new WeakReference<>(null);
  private WeakReference<InputStream> responseRaw = new WeakReference<>(null);

  ConnectionCall(AiCall call) {
    this.call = call;
  }

  OutputStream tapRequest(OutputStream raw) {
    TeeOutputStream tee = requestTee.get();
    if (tee == null || requestRaw.get() != raw) {
      tee = new TeeOutputStream(raw, call);
      requestTee = new WeakReference<>(tee);
      requestRaw = new WeakReference<>(raw);
    }
    return tee;
  }

  InputStream tapResponse(InputStream raw, HttpURLConnection connection) {
    TeeInputStream tee = responseTee.get();
    if (tee == null || responseRaw.get() != raw) {
      tee = new TeeInputStream(raw, call, connection);
      responseTee = new WeakReference<>(tee);
      responseRaw = new WeakReference<>(raw);
    }
    return tee;
  }

  void recordHead(HttpURLConnection connection, int responseCode) {
    if (headRecorded) {
      return;
    }
    headRecorded = true;
    Map<String, List<String>> fields = connection.getHeaderFields();
    call.responseHead(new ResponseHead(responseCode, name -> firstValue(fields, name)));
  }

  private static String firstValue(Map<String, List<String>> fields, String name) {
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      if (field.getKey() != null && field.getKey().equalsIgnoreCase(name) && !field.getValue().isEmpty()) {
        return field.getValue().get(0);
      }
    }
    return null;
  }
}
