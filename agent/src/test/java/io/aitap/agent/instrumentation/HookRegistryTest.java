package io.aitap.agent.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aitap.bootstrap.AitapBridge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HookRegistryTest {

  /** The bridge types must come from the bootstrap loader, as the hooks woven into the clients see them. */
  @BeforeAll
  static void bridgeInBootstrap() {
    InstrumentedJvm.install();
  }

  private final HookRegistry hooks = new HookRegistry();

  @Test
  void aHookThatThrowsHandsTheMethodItsValueBack() throws Exception {
    hooks.add("failing", (target, argument, value, thrown) -> {
      throw new IllegalStateException("broken tap");
    });
    Object value = new Object();
    assertSame(value, hooks.byName().get("failing").on(new Object(), null, value, null));
  }

  @Test
  void hooksUnderOneNameRunInTheOrderTheyCameEachOnTheValueOfTheOneBefore() throws Exception {
    List<String> seen = new ArrayList<>();
    hooks.add("shared", (target, argument, value, thrown) -> value + "+first");
    hooks.addListener("shared", (target, argument, value, thrown) -> seen.add("listener saw " + value));
    hooks.add("shared", (target, argument, value, thrown) -> {
      throw new IllegalStateException("broken tap");
    });
    assertEquals("v+first", hooks.byName().get("shared").on(null, null, "v", null));
    assertEquals(List.of("listener saw v+first"), seen);
  }

  @Test
  void withoutSuchAHookTheBridgeHandsTheMethodItsValueBack() {
    Object value = new Object();
    assertSame(value, AitapBridge.call("no-client.no-event", new Object(), null, value, null));
  }
}
