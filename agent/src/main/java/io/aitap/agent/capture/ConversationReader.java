package io.aitap.agent.capture;

import java.util.function.Consumer;

/**
 * A content reader of a protocol whose request and answer carry messages of one shape: it knows
 * which side of the call it reads, the message its values go to, the tool part the block being
 * read has opened, and, in a stream of content blocks by index (Anthropic's, Bedrock Converse's),
 * the part each block builds.
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
  /** The content block a stream's event is about. */
  protected int blockIndex;
  private StreamedParts blocks;

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

  /**
   * Does {@code action} to the part the stream builds for content block {@link #blockIndex}, opened
   * by the block's first event; to nothing once the stream has named more blocks than are kept.
   */
  protected final void withBlock(boolean tool, Consumer<Part> action) {
    if (blocks == null) {
      blocks = new StreamedParts();
    }
    Part block = blocks.partIfRoom(blockIndex, () -> newBlock(tool));
    if (block != null) {
      action.accept(block);
    }
  }

  /** A streamed block's part in the answer: a tool call, or text. */
  protected Part newBlock(boolean tool) {
    Message output = content.output(0);
    return tool ? output.toolCall(null, null) : output.text("");
  }
}
