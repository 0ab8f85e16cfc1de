package io.aitap.smoke.harness;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** OTLP attribute values as plain Java values: String, Boolean, Long, Double, List, Map. */
public final class OtlpValues {

  private OtlpValues() {}

  public static Map<String, Object> attributes(List<KeyValue> keyValues) {
    Map<String, Object> attributes = new TreeMap<>();
    for (KeyValue keyValue : keyValues) {
      attributes.put(keyValue.getKey(), value(keyValue.getValue()));
    }
    return Collections.unmodifiableMap(attributes);
  }

  static String hex(ByteString bytes) {
    StringBuilder text = new StringBuilder(bytes.size() * 2);
    for (byte b : bytes.toByteArray()) {
      text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.toString();
  }

  private static Object value(AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return value.getStringValue();
      case BOOL_VALUE:
        return value.getBoolValue();
      case INT_VALUE:
        return value.getIntValue();
      case DOUBLE_VALUE:
        return value.getDoubleValue();
      case ARRAY_VALUE:
        List<Object> values = new ArrayList<>();
        for (AnyValue element : value.getArrayValue().getValuesList()) {
          values.add(value(element));
        }
        return Collections.unmodifiableList(values);
      case KVLIST_VALUE:
        return attributes(value.getKvlistValue().getValuesList());
      case BYTES_VALUE:
        return hex(value.getBytesValue());
      default:
        return null;
    }
  }
}
