package io.aitap.agent.capture;

import io.aitap.agent.config.AitapConfig;
import io.aitap.agent.protocol.AiEndpoint;
import io.aitap.agent.protocol.EndpointClassifier;
import io.aitap.agent.protocol.RequestFacts;
import io.aitap.agent.protocol.RequestScanner;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.ResponseHead;
import io.aitap.agent.protocol.ResponseParser;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Runs bodies through a protocol's real scanners with capture on, in given pieces. */
public final class CaptureFixtures {

  static final EndpointClassifier CLASSIFIER = new EndpointClassifier(List.of(), true);

  private CaptureFixtures() {}

  public static CaptureSettings settings(String... properties) {
    Properties props = new Properties();
    props.setProperty(CaptureSettings.OTEL_SWITCH, "true");
    for (int i = 0; i + 1 < properties.length; i += 2) {
      props.setProperty(properties[i], properties[i + 1]);
    }
    return CaptureSettings.fromConfig(new AitapConfig(props, Map.of()));
  }

  public static AiEndpoint endpoint(String host, int port, String path) {
    AiEndpoint endpoint = CLASSIFIER.classify("https", host, port, path);
    if (endpoint == null) {
      throw new AssertionError("not recognised: " + host + path);
    }
    return endpoint;
  }

  /** The captured content of one exchange: request (may be null) and response bodies, in pieces. */
  public static Captured capture(CaptureSettings settings, AiEndpoint endpoint, List<byte[]> request, ResponseHead head,
      List<byte[]> response) {
    CallContent content = settings.newCallContent(endpoint);
    RequestFacts requestFacts = new RequestFacts();
    requestFacts.model = endpoint.modelFromPath();
    requestFacts.content = content;
    if (request != null) {
      RequestScanner scanner = endpoint.protocol().newRequestScanner(requestFacts);
      for (byte[] piece : request) {
        scanner.feed(piece, 0, piece.length);
      }
      scanner.endOfBody();
    }
    ResponseFacts responseFacts = new ResponseFacts(() -> {});
    responseFacts.content = content;
    if (response != null) {
      ResponseParser parser = endpoint.protocol().newResponseParser(head, requestFacts, responseFacts);
      for (byte[] piece : response) {
        parser.feed(piece, 0, piece.length);
      }
      parser.endOfBody();
    }
    return new Captured(content, responseFacts);
  }

  public static final class Captured {
    public final String system;
    public final String input;
    public final String output;

    Captured(CallContent content, ResponseFacts response) {
      system = ContentJson.systemInstructions(content);
      input = ContentJson.inputMessages(content);
      output = ContentJson.outputMessages(content, response.finishReasons());
    }

    @Override
    public String toString() {
      return "system=" + system + "\ninput=" + input + "\noutput=" + output;
    }
  }
}
