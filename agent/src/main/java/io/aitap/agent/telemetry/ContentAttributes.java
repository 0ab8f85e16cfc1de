package io.aitap.agent.telemetry;

import io.aitap.agent.AgentLog;
import io.aitap.agent.call.AiCall;
import io.aitap.agent.capture.CallContent;
import io.aitap.agent.capture.ContentJson;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanBuilder;

/**
 * The captured messages, on the inference span as the GenAI conventions' opt-in attributes, when
 * content capture is on for the call. Spans only: metrics and the exit summary never see content.
 */
final class ContentAttributes {

  static final AttributeKey<String> SYSTEM_INSTRUCTIONS = AttributeKey.stringKey("gen_ai.system_instructions");
  static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
  static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");

  private ContentAttributes() {}

  static void put(SpanBuilder builder, AiCall call) {
    CallContent content = call.content();
    if (content == null) {
      return;
    }
    try {
      String system = ContentJson.systemInstructions(content);
      String input = ContentJson.inputMessages(content);
      String output = ContentJson.outputMessages(content, call.response().finishReasons());
      if (system != null) {
        builder.setAttribute(SYSTEM_INSTRUCTIONS, system);
      }
      if (input != null) {
        builder.setAttribute(INPUT_MESSAGES, input);
      }
      if (output != null) {
        builder.setAttribute(OUTPUT_MESSAGES, output);
      }
    } catch (RuntimeException e) {
      AgentLog.debug("could not write the captured messages of a call", e);
    }
  }
}
