package io.aitap.agent.protocol.json;

import io.aitap.agent.protocol.ResponseFacts;

/**
 * Where a provider's JSON events are read into {@link ResponseFacts}. Each event that carries output
 * is one chunk: where the event's name tells, the name given to the constructor says so; elsewhere
 * a subclass calls {@link #carriesOutput()} as it reads the event.
 */
public abstract class EventFields implements JsonEventHandler {

  protected final ResponseFacts response;
  /** The event's name: the SSE {@code event:} field, or what the event's own {@code type} says; null if neither. */
  protected String eventType;
  private final String outputEvent;
  private final EventShape unnamedEvent;
  private final EventShape namedEvent;
  private boolean carriesOutput;
  private EventSkimmer skimmer;

  /** For events whose content tells whether they carry output, each of them parsed. */
  protected EventFields(ResponseFacts response) {
    this(response, null, null, null);
  }

  /**
   * {@code outputEvent}: in a stream of named events, the name of those that carry the output (null
   * where their content tells). {@code unnamedEvent} and {@code namedEvent}: what such events look
   * like when they tell these fields nothing but whether output arrived; null where every one is
   * parsed. Events of that shape are judged from their bytes (content capture, which reads their
   * values, takes the parsing path).
   */
  protected EventFields(ResponseFacts response, String outputEvent, EventShape unnamedEvent, EventShape namedEvent) {
    this.response = response;
    this.outputEvent = outputEvent;
    this.unnamedEvent = unnamedEvent;
    this.namedEvent = namedEvent;
  }

  @Override
  public void onEventStart(String name) {
    eventType = name;
    carriesOutput = false;
  }

  @Override
  public void onEventEnd() {
    if (carriesOutput || (outputEvent != null && outputEvent.equals(eventType))) {
      response.chunk();
    }
    carriesOutput = false;
  }

  private EventShape shapeOf(String name) {
    return name == null ? unnamedEvent : namedEvent;
  }

  @Override
  public final boolean skims(String name) {
    return shapeOf(name) != null;
  }

  @Override
  public final boolean skim(String name, byte[] bytes, int offset, int length) {
    EventShape shape = shapeOf(name);
    if (shape == null) {
      return false;
    }
    if (skimmer == null) {
      skimmer = new EventSkimmer();
    }
    if (!skimmer.skims(shape, bytes, offset, length, response)) {
      return false;
    }
    onEventStart(name);
    if (skimmer.carriesOutput()) {
      carriesOutput();
    }
    onEventEnd();
    return true;
  }

  /** The event being read carries output. */
  protected final void carriesOutput() {
    carriesOutput = true;
  }
}
