package io.aitap.agent.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The parts a streamed answer builds piece by piece, found again by the index each event names (a
 * content block, a tool call, an output item). At most 64 are kept, so a stream that names ever new
 * indices does not grow the map.
 */
public final class StreamedParts {

  private static final int MAX_KEPT = 64;

  private final Map<Long, Part> parts = new HashMap<>();

  /** The part at {@code key}, or a new one from {@code make}, kept while there is room. */
  public Part part(long key, Supplier<Part> make) {
    Part part = parts.get(key);
    if (part == null) {
      part = make.get();
      if (parts.size() < MAX_KEPT) {
        parts.put(key, part);
      }
    }
    return part;
  }

  /** The part at {@code key}, or a new one from {@code make} while there is room to keep it; else null. */
  public Part partIfRoom(long key, Supplier<Part> make) {
    Part part = parts.get(key);
    if (part == null && parts.size() < MAX_KEPT) {
      part = make.get();
      parts.put(key, part);
    }
    return part;
  }
}
