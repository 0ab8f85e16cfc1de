package io.aitap.agent.protocol.bedrock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonScanner;
import java.io.IOException;

/**
 * The stop reason of an InvokeModel body in a vendor's own format: Amazon Nova's
 * {@code stopReason}, Meta Llama's and Mistral's {@code stop_reason}, Titan's
 * {@code results[].completionReason}. Their token counts come from Bedrock's headers.
 */
final class VendorStopReason implements JsonScanner.Listener {

  private final ResponseFacts response;

  VendorStopReason(ResponseFacts response) {
    this.response = response;
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return;
    }
    if (path.is("stopReason") || path.is("stop_reason")) {
      response.setFinishReason(parser.getText());
    } else if (path.is("results", "[]", "completionReason")) {
      response.addFinishReason(parser.getText());
    }
  }
}
