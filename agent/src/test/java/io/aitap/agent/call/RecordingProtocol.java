package io.aitap.agent.call;

import io.aitap.agent.protocol.ApiProtocol;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protocol for tests of the call record: remembers the bytes it was shown, treats every
 * newline in a response as one output chunk, and can be told to fail.
 */
public final class RecordingProtocol implements ApiProtocol {

  public final ByteArrayOutputStream requestBytes = new ByteArrayOutputStream();
  public final ByteArrayOutputStream responseBytes = new ByteArrayOutputStream();
  public boolean failOnResponseBytes;
  public int endOfBodyCalls;

  @Override
  public String operationName() {
    return "chat";
  }

  @Override
  public RequestScanner newRequestScanner(RequestFacts request) {
    return new RequestScanner() {
      @Override
      public void feed(byte[] bytes, int offset, int length) {
        requestBytes.write(bytes, offset, length);
        request.model = "model-from-" + new String(requestBytes.toByteArray(), StandardCharsets.UTF_8);
      }

      @Override
      public void endOfBody() {}
    };
  }

  @Override
  public ResponseParser newResponseParser(ResponseHead head, RequestFacts request, ResponseFacts response) {
    return new ResponseParser() {
      @Override
      public void feed(byte[] bytes, int offset, int length) {
        if (failOnResponseBytes) {
          throw new IllegalStateException("parser bug");
        }
        responseBytes.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
          if (bytes[i] == '\n') {
            response.chunk();
          }
        }
      }

      @Override
      public void endOfBody() {
        endOfBodyCalls++;
      }
    };
  }
}
