package io.aitap.agent.capture;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aitap.agent.protocol.json.CutString;
import io.aitap.agent.protocol.json.JsonPath;
import io.aitap.agent.protocol.json.JsonEventHandler;
import java.io.IOException;

/**
 * What every protocol's content reader shares: it rides on the scan that reads the body for
 * telemetry (see {@link io.aitap.agent.protocol.json.Tee}), asks the scanner to keep strings as
 * long as a message may be, and writes back as JSON text the objects a subclass names (tool call
 * arguments and results sent as objects).
 */
public abstract class ContentReader implements JsonEventHandler {

  protected final CallContent content;
  private JsonText object;

  protected ContentReader(CallContent content) {
    this.content = content;
  }

  /** The part to write the container just opened at {@code path} into as JSON text, or null. */
  protected Part objectPart(JsonPath path) {
    return null;
  }

  /** A scalar value outside any object being written back. */
  protected abstract void value(JsonPath path, JsonToken token, JsonParser parser) throws IOException;

  /** A container closed (see {@link io.aitap.agent.protocol.json.JsonScanner.Listener#onEnd}). */
  protected void end(JsonPath path) {}

  @Override
  public int keptStringBytes() {
    return content.keptStringBytes();
  }

  /** A streamed event begins; {@code name} is its event name, or null. */
  protected void eventStart(String name) {}

  @Override
  public final void onEventStart(String name) {
    object = null;
    eventStart(name);
  }

  @Override
  public void onEventEnd() {}

  @Override
  public final void onStart(JsonPath path) {
    if (object != null && object.contains(path)) {
      object.onStart(path);
      return;
    }
    Part part = objectPart(path);
    if (part != null) {
      object = new JsonText(part, path);
    }
  }

  @Override
  public final void onValue(JsonPath path, JsonToken token, JsonParser parser) throws IOException {
    if (object != null && object.contains(path)) {
      object.onValue(path, token, parser);
    } else {
      value(path, token, parser);
    }
  }

  @Override
  public final void onEnd(JsonPath path) {
    if (object != null) {
      object.onEnd(path);
      if (object.done()) {
        object = null;
      }
      return;
    }
    end(path);
  }

  /** Whether the container just opened at {@code path} is the value of {@code holder}'s {@code field}. */
  protected static boolean opens(JsonPath path, String holder, String field) {
    int depth = path.depth();
    return depth >= 3 && field.equals(path.segment(depth - 2)) && holder.equals(path.segment(depth - 3));
  }

  /** A string value, or null for anything else. */
  protected static String text(JsonToken token, JsonParser parser) throws IOException {
    return token == JsonToken.VALUE_STRING ? parser.getText() : null;
  }

  /** An int value, or {@code otherwise}. */
  protected static int index(JsonToken token, JsonParser parser, int otherwise) throws IOException {
    return token == JsonToken.VALUE_NUMBER_INT ? parser.getIntValue() : otherwise;
  }

  /** Base64 data of {@code mimeType} (or a data: URL): a blob part of its size. */
  protected static void blob(Message message, String modality, String mimeType, String data) {
    if (data == null) {
      return;
    }
    CutString string = CutString.of(data);
    long size = string.sentBytes();
    String mime = mimeType;
    if (string.kept.startsWith("data:")) {
      int comma = string.kept.indexOf(',');
      if (comma > 0) {
        String header = string.kept.substring(5, comma);
        int semicolon = header.indexOf(';');
        mime = semicolon < 0 ? header : header.substring(0, semicolon);
        size -= comma + 1;
      }
    }
    message.blob(modality, mime == null || mime.isEmpty() ? null : mime, size);
  }

  /** An image given by URL: a data: URL is a blob, any other a uri part. */
  protected static void imageUrl(Message message, String url) {
    if (url == null) {
      return;
    }
    if (url.startsWith("data:")) {
      blob(message, "image", null, url);
    } else {
      message.uri("image", url);
    }
  }

  /** The modality a MIME type or format names. */
  protected static String modality(String mimeType) {
    if (mimeType == null) {
      return "file";
    }
    if (mimeType.startsWith("image")) {
      return "image";
    }
    if (mimeType.startsWith("audio")) {
      return "audio";
    }
    if (mimeType.startsWith("video")) {
      return "video";
    }
    return "file";
  }
}
