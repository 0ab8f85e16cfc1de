package io.aitap.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TelemetrySdkTest {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  @Test
  void eachJvmGetsAnInstanceIdOfItsOwn() {
    Resource service = Resource.create(Attributes.of(SERVICE_NAME, "checkout"));
    Resource one = TelemetrySdk.withInstanceId(service, DefaultConfigProperties.createFromMap(Map.of()));
    Resource other = TelemetrySdk.withInstanceId(service, DefaultConfigProperties.createFromMap(Map.of()));
    assertEquals("checkout", one.getAttribute(SERVICE_NAME));
    UUID.fromString(one.getAttribute(TelemetrySdk.SERVICE_INSTANCE_ID));
    assertNotEquals(one.getAttribute(TelemetrySdk.SERVICE_INSTANCE_ID), other.getAttribute(TelemetrySdk.SERVICE_INSTANCE_ID));
  }

  @Test
  void aConfiguredInstanceIdStays() {
    Resource configured = Resource.create(Attributes.of(SERVICE_NAME, "checkout", TelemetrySdk.SERVICE_INSTANCE_ID, "checkout-7"));
    assertEquals(configured, TelemetrySdk.withInstanceId(configured, DefaultConfigProperties.createFromMap(Map.of())));
  }
}
