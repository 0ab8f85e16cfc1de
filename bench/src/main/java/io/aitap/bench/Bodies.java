package io.aitap.bench;

import java.nio.charset.StandardCharsets;

/** OpenAI-shaped bodies: the requests the programs send, the answers the provider gives. */
final class Bodies {

  static final byte[] CHAT_REQUEST = utf8("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]}");
  static final byte[] PACED_REQUEST = utf8("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"paced\"}]}");
  static final byte[] BULK_REQUEST = utf8("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"bulk\"}]}");

  /** An OpenAI chat completion of about 2 KB. */
  static final byte[] CHAT_COMPLETION = utf8("{\"id\":\"chatcmpl-BmX1\",\"object\":\"chat.completion\",\"created\":1733000000,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      + "\"content\":\"" + words(1500) + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":300,"
      + "\"total_tokens\":320,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
      + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
      + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\","
      + "\"system_fingerprint\":\"fp_0aa8d3e20b\"}");

  private static final String CHUNK_HEAD = "data: {\"id\":\"chatcmpl-BmX2\",\"object\":\"chat.completion.chunk\",\"created\":1733000000,"
      + "\"model\":\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":\"fp_0aa8d3e20b\",";
  private static final byte[][] DELTAS = new byte[7][];

  static {
    for (int i = 0; i < DELTAS.length; i++) {
      DELTAS[i] = utf8(CHUNK_HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + words(12 + i)
          + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
    }
  }

  private Bodies() {}

  static byte[] delta(int i) {
    return DELTAS[i % DELTAS.length];
  }

  static byte[] streamEnd(int deltas) {
    return utf8(CHUNK_HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
        + CHUNK_HEAD + "\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":" + deltas
        + ",\"total_tokens\":" + (deltas + 20) + "}}\n\ndata: [DONE]\n\n");
  }

  private static String words(int length) {
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append("the quick brown fox jumps over the lazy dog ");
    }
    return text.substring(0, length);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
