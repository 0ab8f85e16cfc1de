package io.aitap.agent.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of one call as its bodies went by: system instructions, input messages, output
 * messages, each bounded. Per message at most {@code aitap.capture.max-chars-per-message}
 * characters; per call at most {@code aitap.capture.max-chars-per-call}, of which the input may use
 * all but one message's worth, so that the answer is never crowded out by a long conversation.
 * Fed by the protocol's content readers on the threads that read the bodies, read once by
 * telemetry after the call ended.
 */
public final class CallContent {

  static final String TRUNCATED = "…[truncated]";
  private static final int MAX_MESSAGES = 256;
  private static final int MAX_OUTPUTS = 16;
  private static final int MAX_PARTS = 512;
  /** Parts only output may take, as characters are kept for it. */
  private static final int OUTPUT_PARTS = 64;

  final CaptureSettings settings;
  private final Message system;
  private final List<Message> inputs = new ArrayList<>();
  private final List<Message> outputs = new ArrayList<>(1);
  private int usedChars;
  private int parts;

  CallContent(CaptureSettings settings) {
    this.settings = settings;
    this.system = new Message(this, null, true);
  }

  /** Bytes of one string value the scanner must keep for a message to be captured whole. */
  public int keptStringBytes() {
    // a character takes at most 6 bytes in JSON (a \\u escape), rarely more than 3
    return (int) Math.min(Integer.MAX_VALUE / 2, settings.maxCharsPerMessage * 4L);
  }

  /** The system instructions, a message without a role whose parts are recorded on their own. */
  public Message system() {
    return system;
  }

  /** A new input message; a message past the bound is kept nowhere. */
  public Message newInput(String role) {
    Message message = new Message(this, role, true);
    if (inputs.size() < MAX_MESSAGES) {
      inputs.add(message);
    }
    return message;
  }

  /** Output message {@code index} (a choice, a candidate), made on first use. */
  public Message output(int index) {
    int at = Math.max(0, Math.min(index, MAX_OUTPUTS - 1));
    while (outputs.size() <= at) {
      outputs.add(new Message(this, "assistant", false));
    }
    return outputs.get(at);
  }

  /** Characters a message may still take from the call's budget. */
  int callRoom(boolean input) {
    int limit = input ? settings.maxCharsPerCall - settings.maxCharsPerMessage : settings.maxCharsPerCall;
    return Math.max(0, limit - usedChars);
  }

  /** Counts a new part, when the call may still keep one. */
  boolean addPart(boolean input) {
    if (parts >= (input ? MAX_PARTS - OUTPUT_PARTS : MAX_PARTS)) {
      return false;
    }
    parts++;
    return true;
  }

  void use(int chars) {
    usedChars += chars;
  }

  List<Message> inputs() {
    return inputs;
  }

  List<Message> outputs() {
    return outputs;
  }
}
