package io.aitap.agent.instrumentation.awssdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XrayTraceHeaderTest {

  @Test
  void theSdkSpansContextBecomesATraceparent() {
    assertEquals("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01",
        XrayTraceHeader.asTraceparent("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));
    assertEquals("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-00",
        XrayTraceHeader.asTraceparent("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0;Lineage=a:1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "",
    "Root=1-5759e988-bd862e3fe1be46a994272793",
    "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
    "Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
    "Root=1-5759E988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
    "Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8;Sampled=1",
    "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=?",
    "Parent=53995c3f42cd8ad8;Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1"
  })
  void anythingElseIsNoContext(String value) {
    assertNull(XrayTraceHeader.asTraceparent(value));
  }

  @Test
  void noHeaderIsNoContext() {
    assertNull(XrayTraceHeader.asTraceparent(null));
  }
}
