package io.aitap.agent.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AttributionValuesTest {

  @Test
  void valuesAreTrimmed() {
    assertEquals("payments", AttributionValues.clean("  payments\t"));
    assertNull(AttributionValues.clean("   "));
    assertNull(AttributionValues.clean(null));
  }

  @Test
  void longValuesAreCutToTheCap() {
    assertEquals("a".repeat(AttributionValues.MAX_LENGTH), AttributionValues.clean("a".repeat(200)));
  }

  @Test
  void controlCharactersDropTheValue() {
    assertNull(AttributionValues.clean("pay\nments"));
  }

  @Test
  void valuesThatLookLikeCredentialsAreDropped() {
    assertNull(AttributionValues.clean("sk-proj-Abc123def456GHI789jkl"));
    assertNull(AttributionValues.clean("sk-ant-api03-AbCdEf0123456789"));
    assertNull(AttributionValues.clean("Bearer abc.def.ghi"));
    assertNull(AttributionValues.clean("basic dXNlcjpwYXNz"));
    assertNull(AttributionValues.clean("AKIAIOSFODNN7EXAMPLE"));
    assertNull(AttributionValues.clean("AIzaSyA-1234567890abcdefghij"));
    assertNull(AttributionValues.clean("ghp_1234567890abcdefghijABCDEFGHIJ"));
    assertNull(AttributionValues.clean("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"));
    assertNull(AttributionValues.clean("9f8e7d6c5b4a39281706f5e4d3c2b1a0ffeeddcc"));
  }

  @Test
  void ordinaryNamesAndIdsAreKept() {
    assertEquals("payments", AttributionValues.clean("payments"));
    assertEquals("search-ranking", AttributionValues.clean("search-ranking"));
    assertEquals("skunkworks", AttributionValues.clean("skunkworks"));
    assertEquals("tenant-42", AttributionValues.clean("tenant-42"));
    assertEquals("123e4567-e89b-12d3-a456-426614174000", AttributionValues.clean("123e4567-e89b-12d3-a456-426614174000"));
    assertEquals("Zahlungsverkehr Europa", AttributionValues.clean("Zahlungsverkehr Europa"));
  }
}
