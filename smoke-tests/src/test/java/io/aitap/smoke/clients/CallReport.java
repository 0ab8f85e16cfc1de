package io.aitap.smoke.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a client program saw of one call, printed as one stdout line: the status and the SHA-256 of
 * the response body as the application received it, and the SHA-256 of the request body it sent.
 * A call that threw reports the exception instead.
 */
public final class CallReport {

  private static final String PREFIX = "CALL ";

  private final String id;
  private final int status;
  private final String responseSha256;
  private final String requestSha256;
  private final String failure;

  private CallReport(String id, int status, String responseSha256, String requestSha256, String failure) {
    this.id = id;
    this.status = status;
    this.responseSha256 = responseSha256;
    this.requestSha256 = requestSha256;
    this.failure = failure;
  }

  public static CallReport completed(String id, int status, String responseSha256, String requestSha256) {
    return new CallReport(id, status, responseSha256, requestSha256, null);
  }

  public static CallReport failed(String id, Throwable failure) {
    String text = failure.getClass().getName() + ": " + failure.getMessage();
    return new CallReport(id, -1, null, null, text.replace('\n', ' ').replace('\t', ' '));
  }

  public String id() {
    return id;
  }

  public int status() {
    return status;
  }

  /** SHA-256 of the response body as the application received it (decoded lines for line handlers). */
  public String responseSha256() {
    return responseSha256;
  }

  /** SHA-256 of the request body the application handed to its client; {@code -} without one. */
  public String requestSha256() {
    return requestSha256;
  }

  public String failure() {
    return failure;
  }

  public String toLine() {
    if (failure != null) {
      return PREFIX + id + "\tfailed\t" + failure;
    }
    return PREFIX + id + "\t" + status + "\t" + responseSha256 + "\t" + requestSha256;
  }

  /** The reports among a program's stdout lines, in order. */
  public static List<CallReport> parseAll(String stdout) {
    List<CallReport> reports = new ArrayList<>();
    for (String line : stdout.split("\r?\n")) {
      if (!line.startsWith(PREFIX)) {
        continue;
      }
      String[] fields = line.substring(PREFIX.length()).split("\t", -1);
      if (fields.length == 3 && fields[1].equals("failed")) {
        reports.add(new CallReport(fields[0], -1, null, null, fields[2]));
      } else if (fields.length == 4) {
        reports.add(completed(fields[0], Integer.parseInt(fields[1]), fields[2], fields[3]));
      } else {
        throw new IllegalArgumentException("not a call report: " + line);
      }
    }
    return reports;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CallReport)) {
      return false;
    }
    CallReport that = (CallReport) other;
    return id.equals(that.id)
        && status == that.status
        && Objects.equals(responseSha256, that.responseSha256)
        && Objects.equals(requestSha256, that.requestSha256)
        && Objects.equals(failure, that.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, responseSha256, requestSha256, failure);
  }

  @Override
  public String toString() {
    return toLine();
  }
}
