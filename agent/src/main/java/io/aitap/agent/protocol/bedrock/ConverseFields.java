package io.aitap.agent.protocol.bedrock;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.ResponseFacts;
import io.aitap.agent.protocol.SplitInputUsage;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonValues;
import io.aitap.agent.protocol.json.EventFields;
import io.aitap.agent.protocol.json.EventShape;
import java.io.IOException;

/**
 * A Converse response, or one ConverseStream event: the stop reason ({@code messageStop}) and usage
 * ({@code metadata}) sit at the same paths in both. Bedrock's input count excludes cache reads and
 * writes; {@code cacheDetails} splits the writes by how long they are kept, which prices them.
 */
final class ConverseFields extends EventFields {

  /** An event without a stop reason or usage (all but two of a stream) changes nothing here. */
  private static final EventShape EVENT = EventShape.object(EventShape.IGNORED)
      .with("stopReason", EventShape.READ)
      .with("usage", EventShape.READ);

  private final SplitInputUsage usage;
  /** One half of a {@code cacheDetails} entry, until the other half arrives. */
  private String pendingTtl;
  private Long pendingTokens;

  ConverseFields(ResponseFacts response) {
    super(response, "contentBlockDelta", EVENT, EVENT);
    this.usage = new SplitInputUsage(response, "inputTokens", "cacheReadInputTokens", "cacheWriteInputTokens",
        "outputTokens");
  }

  @Override
  public void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (path.is("stopReason") && token == JsonToken.VALUE_STRING) {
      response.setFinishReason(parser.getText());
    } else if (path.depth() == 2 && "usage".equals(path.segment(0))) {
      usage.read(path.last(), token, parser);
    } else if (path.depth() == 4 && path.startsWith("usage", "cacheDetails", "[]")) {
      cacheDetail(path.last(), token, parser);
    }
  }

  private void cacheDetail(String field, JsonToken token, JsonParser parser) throws IOException {
    if ("ttl".equals(field) && token == JsonToken.VALUE_STRING) {
      pendingTtl = parser.getText();
    } else if ("inputTokens".equals(field)) {
      pendingTokens = JsonValues.asLong(token, parser);
    }
    if (pendingTtl != null && pendingTokens != null) {
      if ("5m".equals(pendingTtl)) {
        response.cacheCreation5mInputTokens = plus(response.cacheCreation5mInputTokens, pendingTokens);
      } else if ("1h".equals(pendingTtl)) {
        response.cacheCreation1hInputTokens = plus(response.cacheCreation1hInputTokens, pendingTokens);
      }
      pendingTtl = null;
      pendingTokens = null;
    }
  }

  private static Long plus(Long sum, long tokens) {
    return sum == null ? tokens : sum + tokens;
  }
}
