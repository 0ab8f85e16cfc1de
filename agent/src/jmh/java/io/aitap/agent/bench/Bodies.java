package io.aitap.agent.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Response bodies shaped like the providers' (the fixtures' field sets), sized for benchmarks: a
 * 2 KB chat completion, and streams of content deltas ending in the usage aitap reads.
 */
final class Bodies {

  static final String CHAT_REQUEST =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}],\"max_tokens\":400,\"temperature\":0.2}";
  static final String STREAM_REQUEST =
      "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
          + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}";

  private Bodies() {}

  /** An OpenAI chat completion of about 2 KB. */
  static byte[] chatCompletion() {
    return utf8("{\"id\":\"chatcmpl-BmX1\",\"object\":\"chat.completion\",\"created\":1733000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"" + words(1500) + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":300,"
        + "\"total_tokens\":320,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
        + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
        + "\"system_fingerprint\":\"fp_0aa8d3e20b\"}");
  }

  /** An OpenAI chat stream of {@code deltas} content events, the usage event and [DONE]. */
  static byte[] sse(int deltas) {
    StringBuilder body = new StringBuilder();
    String head = "data: {\"id\":\"chatcmpl-BmX2\",\"object\":\"chat.completion.chunk\",\"created\":1733000000,"
        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_0aa8d3e20b\",";
    for (int i = 0; i < deltas; i++) {
      body.append(head).append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(words(12 + i % 7))
          .append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
    }
    body.append(head).append("\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
    body.append(head).append("\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":").append(deltas)
        .append(",\"total_tokens\":").append(deltas + 20).append("}}\n\ndata: [DONE]\n\n");
    return utf8(body.toString());
  }

  /** An Ollama chat stream: {@code deltas} content lines, then the done line with the counts. */
  static byte[] ndjson(int deltas) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < deltas; i++) {
      body.append("{\"model\":\"llama3.2\",\"created_at\":\"2024-12-01T10:00:00.000000Z\",\"message\":{\"role\":\"assistant\",\"content\":\"")
          .append(words(12 + i % 7)).append("\"},\"done\":false}\n");
    }
    body.append("{\"model\":\"llama3.2\",\"created_at\":\"2024-12-01T10:00:01.000000Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1000000,\"load_duration\":1000,\"prompt_eval_count\":20,"
        + "\"prompt_eval_duration\":1000,\"eval_count\":").append(deltas).append(",\"eval_duration\":1000}\n");
    return utf8(body.toString());
  }

  /** A Bedrock ConverseStream body: AWS event stream frames with {@code deltas} text deltas and the usage. */
  static byte[] eventStream(int deltas) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    frame(body, "messageStart", "{\"p\":\"abcd\",\"role\":\"assistant\"}");
    for (int i = 0; i < deltas; i++) {
      frame(body, "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"" + words(12 + i % 7) + "\"},\"p\":\"abcdefgh\"}");
    }
    frame(body, "contentBlockStop", "{\"contentBlockIndex\":0,\"p\":\"abcdefghijkl\"}");
    frame(body, "messageStop", "{\"p\":\"abcdefghijklmn\",\"stopReason\":\"end_turn\"}");
    frame(body, "metadata", "{\"metrics\":{\"latencyMs\":1200},\"p\":\"abc\",\"usage\":{\"inputTokens\":20,\"outputTokens\":"
        + deltas + ",\"totalTokens\":" + (deltas + 20) + "}}");
    return body.toByteArray();
  }

  private static void frame(ByteArrayOutputStream out, String eventType, String json) {
    byte[] headers = headers(":event-type", eventType, ":content-type", "application/json", ":message-type", "event");
    byte[] payload = utf8(json);
    int total = 12 + headers.length + payload.length + 4;
    ByteBuffer frame = ByteBuffer.allocate(total);
    frame.putInt(total).putInt(headers.length);
    frame.putInt((int) crc(frame.array(), 8));
    frame.put(headers).put(payload);
    frame.putInt((int) crc(frame.array(), total - 4));
    out.write(frame.array(), 0, total);
  }

  private static byte[] headers(String... namesAndValues) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      byte[] name = utf8(namesAndValues[i]);
      byte[] value = utf8(namesAndValues[i + 1]);
      out.write(name.length);
      out.write(name, 0, name.length);
      out.write(7);
      out.write(value.length >> 8);
      out.write(value.length & 0xFF);
      out.write(value, 0, value.length);
    }
    return out.toByteArray();
  }

  private static long crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return crc.getValue();
  }

  private static String words(int length) {
    StringBuilder text = new StringBuilder(length);
    String words = "the quick brown fox jumps over the lazy dog ";
    while (text.length() < length) {
      text.append(words);
    }
    return text.substring(0, length);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
