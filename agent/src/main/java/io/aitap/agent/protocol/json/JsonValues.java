package io.aitap.agent.protocol.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Function;

/** Reads scalar values leniently: a number that arrives as a string is still a number. */
public final class JsonValues {

  private JsonValues() {}

  public static Long asLong(JsonToken token, JsonParser parser) throws IOException {
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return (long) parser.getDoubleValue();
    }
    return token == JsonToken.VALUE_STRING ? fromText(parser, Long::valueOf) : null;
  }

  public static Double asDouble(JsonToken token, JsonParser parser) throws IOException {
    if (token.isNumeric()) {
      return parser.getDoubleValue();
    }
    return token == JsonToken.VALUE_STRING ? fromText(parser, Double::valueOf) : null;
  }

  /** A number sent as a string, or null when the string is no number. */
  private static <T> T fromText(JsonParser parser, Function<String, T> parse) throws IOException {
    try {
      return parse.apply(parser.getText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether the value is a string with something in it, read without making a String of it. */
  public static boolean isNonEmptyString(JsonToken token, JsonParser parser) throws IOException {
    return token == JsonToken.VALUE_STRING && parser.getTextLength() > 0;
  }

  /**
   * The string value; {@code known} itself when the value is the same text. A stream repeats its
   * id, model and event type in every event, and a new String for each would be garbage.
   */
  public static String text(JsonParser parser, String known) throws IOException {
    int length = parser.getTextLength();
    if (known == null || known.length() != length) {
      return parser.getText();
    }
    char[] chars = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    for (int i = 0; i < length; i++) {
      if (chars[offset + i] != known.charAt(i)) {
        return parser.getText();
      }
    }
    return known;
  }

  /** A string, or a number written as text (error codes come as either); null for anything else. */
  public static String asText(JsonToken token, JsonParser parser) throws IOException {
    if (token == JsonToken.VALUE_STRING || token.isNumeric()) {
      String text = parser.getText();
      return text.isEmpty() ? null : text;
    }
    return null;
  }
}
