package io.aitap.smoke.clients;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP call a client program makes, as the test planned it. The test writes a plan file, one
 * call per line; the program in the forked JVM reads it back. Only JDK types, so the programs need
 * nothing but their own classes on the class path.
 */
public final class PlannedCall {

  /** Header that names the call, so the fake provider's records can be matched to the program's. */
  public static final String CALL_ID_HEADER = "X-Smoke-Call";

  private static final String FIELD = "\t";
  private static final String HEADER_SEPARATOR = "\u001f";
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

  private final String style;
  private final String method;
  private final URI uri;
  private final Map<String, String> headers;
  private final byte[] body;

  /**
   * @param id names the call in its {@link #CALL_ID_HEADER} header
   * @param style how the program makes the call and reads the response (a client program's own
   *     vocabulary, e.g. {@code sendAsync:ofPublisher})
   * @param body null for a request without a body
   */
  public PlannedCall(String id, String style, String method, URI uri, Map<String, String> headers, byte[] body) {
    this.style = style;
    this.method = method;
    this.uri = uri;
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(CALL_ID_HEADER, id);
    this.headers = Collections.unmodifiableMap(all);
    this.body = body;
  }

  public String id() {
    return headers.get(CALL_ID_HEADER);
  }

  public String style() {
    return style;
  }

  public String method() {
    return method;
  }

  public URI uri() {
    return uri;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public boolean hasBody() {
    return body != null;
  }

  public byte[] body() {
    return body == null ? null : body.clone();
  }

  public static void writePlan(Path file, List<PlannedCall> calls) throws IOException {
    List<String> lines = new ArrayList<>(calls.size());
    for (PlannedCall call : calls) {
      lines.add(call.toLine());
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  public static List<PlannedCall> readPlan(Path file) throws IOException {
    List<PlannedCall> calls = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        calls.add(parse(line));
      }
    }
    return calls;
  }

  private String toLine() {
    StringBuilder encodedHeaders = new StringBuilder();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      String value = header.getValue();
      if (name.contains(":") || (name + value).contains(HEADER_SEPARATOR) || (name + value).contains(FIELD)) {
        throw new IllegalArgumentException("header cannot be written to a plan line: " + name);
      }
      if (encodedHeaders.length() > 0) {
        encodedHeaders.append(HEADER_SEPARATOR);
      }
      encodedHeaders.append(name).append(':').append(value);
    }
    return String.join(
        FIELD,
        id(),
        style,
        method,
        uri.toString(),
        encodedHeaders,
        body == null ? "-" : BASE64.encodeToString(body));
  }

  private static PlannedCall parse(String line) {
    String[] fields = line.split(FIELD, -1);
    if (fields.length != 6) {
      throw new IllegalArgumentException("not a plan line: " + line);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (!fields[4].isEmpty()) {
      for (String header : fields[4].split(HEADER_SEPARATOR)) {
        int colon = header.indexOf(':');
        headers.put(header.substring(0, colon), header.substring(colon + 1));
      }
    }
    byte[] body = fields[5].equals("-") ? null : UNBASE64.decode(fields[5]);
    return new PlannedCall(fields[0], fields[1], fields[2], URI.create(fields[3]), headers, body);
  }

  @Override
  public String toString() {
    return id() + " " + style + " " + method + " " + uri;
  }
}
