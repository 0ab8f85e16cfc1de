package io.aitap.agent.capture;

/**
 * A content reader of a protocol whose request and answer carry messages of one shape: it knows
 * which side of the call it reads, the message its values go to, and the tool part the block being
 * read has opened.
 */
public abstract class ConversationReader extends ContentReader {

  /** Builds a provider's reader of one side of a call. */
  @FunctionalInterface
  public interface Factory {
    ConversationReader read(CallContent content, boolean request);
  }

  protected final boolean request;
  protected Message message;
  protected Part part;

  protected ConversationReader(CallContent content, boolean request) {
    super(content);
    this.request = request;
  }

  /** A reader of a request's messages, or null when content is not captured. */
  public static ContentReader request(CallContent content, Factory reader) {
    return content == null ? null : reader.read(content, true);
  }

  /** A reader of an answer's messages, or null when content is not captured. */
  public static ContentReader response(CallContent content, Factory reader) {
    return content == null ? null : reader.read(content, false);
  }

  /** The tool call the current block is, opened in {@code target} by its first field. */
  protected final Part toolCall(Message target) {
    if (part == null) {
      part = target.toolCall(null, null);
    }
    return part;
  }

  /** The tool call response the current block is, opened in {@code target} by its first field. */
  protected final Part toolResponse(Message target) {
    if (part == null) {
      part = target.toolCallResponse(null);
    }
    return part;
  }

  /**
   * The current message ends. A message of role {@code tool} (the OpenAI family, Ollama) holds the
   * answer to the call {@code answeredCallId} names: its text is that call's response.
   */
  protected final void endMessage(String answeredCallId) {
    if (message != null && "tool".equals(message.role())) {
      message.textIsToolResponse(answeredCallId);
    }
    message = null;
    part = null;
  }
}
