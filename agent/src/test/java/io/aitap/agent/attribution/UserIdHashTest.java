package io.aitap.agent.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UserIdHashTest {

  @Test
  void isTheHmacSha256OfTheIdCutTo128Bits() {
    // RFC 4231-style check against a known HMAC-SHA256 value
    assertEquals("f7bc83f430538424b13298e6aa6fb143",
        new UserIdHash("key").hash("The quick brown fox jumps over the lazy dog"));
  }

  @Test
  void theSameIdGivesTheSameHashAndOthersDiffer() {
    UserIdHash hashes = new UserIdHash("k1");
    String alice = hashes.hash("alice@example.com");
    assertEquals(alice, hashes.hash("alice@example.com"));
    assertNotEquals(alice, hashes.hash("bob@example.com"));
    assertNotEquals(alice, new UserIdHash("k2").hash("alice@example.com"));
    assertEquals(UserIdHash.HEX_LENGTH, alice.length());
    assertTrue(alice.matches("[0-9a-f]+"), alice);
    assertFalse(alice.contains("alice"), alice);
  }

  @Test
  void withoutAKeyHashesJoinWithinTheProcessOnly() {
    UserIdHash first = new UserIdHash(null);
    assertEquals(first.hash("user-1"), first.hash("user-1"));
    assertNotEquals(first.hash("user-1"), new UserIdHash(null).hash("user-1"));
  }
}
