package io.aitap.agent.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaggageTest {

  private static final Set<String> WANTED = Set.of("team", "feature", "tenant");

  private static Map<String, String> entries(String... headers) {
    return Baggage.entries(Arrays.asList(headers), WANTED);
  }

  @Test
  void takesTheNamedEntriesOnly() {
    assertEquals(Map.of("team", "payments", "feature", "refunds"),
        entries("team=payments,userId=alice,feature=refunds"));
  }

  @Test
  void whitespaceAroundMembersKeysAndValuesIsNotPartOfThem() {
    assertEquals(Map.of("team", "payments", "feature", "refunds"),
        entries("  team = payments ,\tfeature=refunds\t"));
  }

  @Test
  void propertiesAfterASemicolonAreIgnored() {
    assertEquals(Map.of("team", "payments", "tenant", "acme"),
        entries("team=payments;ttl=60;sampled, tenant = acme ; owner=billing"));
  }

  @Test
  void valuesArePercentDecodedAsUtf8() {
    assertEquals(Map.of("team", "Zahlungs verkehr", "tenant", "Café,Ltd"),
        entries("team=Zahlungs%20verkehr,tenant=Caf%C3%A9%2CLtd"));
  }

  @Test
  void aBrokenEscapeDropsThatMemberOnly() {
    assertEquals(Map.of("feature", "refunds"), entries("team=pay%zzments,tenant=acme%C3,feature=refunds"));
    assertEquals(Map.of("feature", "refunds"), entries("team=ab%2,feature=refunds"));
  }

  @Test
  void severalHeadersAreOneList() {
    assertEquals(Map.of("team", "payments", "tenant", "acme"), entries("team=payments", "tenant=acme"));
  }

  @Test
  void theLastValueOfARepeatedKeyWins() {
    assertEquals(Map.of("team", "search"), entries("team=payments", "team=search"));
  }

  @Test
  void malformedMembersAreSkippedAndTheOthersKept() {
    assertEquals(Map.of("team", "payments", "tenant", "acme"),
        entries(",,team=payments,just-a-key,=nokey,fe ature=x,tenant=acme,"));
  }

  @Test
  void keysAreCaseSensitive() {
    assertEquals(Map.of(), entries("Team=payments,TEAM=search"));
  }

  @Test
  void membersPastTheSpecificationsLimitsAreNotRead() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < Baggage.MAX_MEMBERS; i++) {
      many.append("k").append(i).append("=v,");
    }
    assertEquals(Map.of(), entries(many + "team=payments"));

    String filler = "x=" + "a".repeat(Baggage.MAX_BYTES - 20);
    // the member that crosses 8192 bytes is cut off whole, never read in part
    assertEquals(Map.of("feature", "refunds"), entries("feature=refunds," + filler + ",team=payments-and-more-text"));
  }

  @Test
  void noHeaderNoEntries() {
    List<String> none = Collections.singletonList(null);
    assertEquals(Map.of(), Baggage.entries(none, WANTED));
  }
}
