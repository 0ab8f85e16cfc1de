package io.aitap.agent.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The compiled form of a price list finds what its JSON says, in the jar as in a team's own file. */
class GenaiPriceListTest {

  private static final Path SOURCE = Paths.get("prices/genai-prices.json");
  private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void theJarsListIsTheRepositorysListEveryModelFoundAsItsJsonNamesIt() throws IOException {
    GenaiPriceList shipped;
    try (InputStream compiled = GenaiPriceList.class.getResourceAsStream(CostCalculator.BUNDLED)) {
      shipped = GenaiPriceList.readCompiled(compiled.readAllBytes());
    }
    JsonNode source = new ObjectMapper().readTree(SOURCE.toFile());
    GenaiPriceList fromSource;
    try (Reader json = Files.newBufferedReader(SOURCE, StandardCharsets.UTF_8)) {
      fromSource = GenaiPriceList.read(json, "source", null);
    }
    assertEquals(source.get("source").asText() + " " + source.get("version").asText(), shipped.source());
    assertEquals(LocalDate.parse(source.get("released").asText()), shipped.date());
    int models = 0;
    for (JsonNode provider : source.get("providers")) {
      String host = provider.get("api_pattern").asText().replace("https://", "").replace("\\", "").split("[/(|*]")[0];
      for (JsonNode model : provider.get("models")) {
        String id = model.get("id").asText().toLowerCase(java.util.Locale.ROOT);
        PricedModel found = shipped.find(host, id);
        PricedModel expected = fromSource.find(host, id);
        assertEquals(String.valueOf(expected), String.valueOf(found), id + " at " + host);
        if (found != null) {
          models++;
        }
      }
    }
    assertTrue(models > 1000, models + " models found by their own id");
  }

  @Test
  void aTeamsFileKeepsItsTextConditionsAndTiersThroughTheCompiledForm() throws IOException {
    String json = "[{\"id\":\"acmé\",\"api_pattern\":\"https://llm\\\\.acme\\\\.example\","
        + "\"model_match\":{\"starts_with\":\"ACME-\"},"
        + "\"models\":[{\"id\":\"acme-ünï\",\"match\":{\"or\":[{\"equals\":\"Acme-Ünï\"},{\"regex\":\"^acme-u\\\\d$\"}]},"
        + "\"prices\":[{\"prices\":{\"input_mtok\":1,\"output_mtok\":{\"base\":2,\"tiers\":[{\"start\":1000,\"price\":4}]}}},"
        + "{\"constraint\":{\"start_time\":\"22:00:00+02:00\",\"end_time\":\"06:00:00Z\"},\"prices\":{\"input_mtok\":0.5}}]},"
        + "{\"id\":\"acme-free\",\"match\":{\"and\":[{\"contains\":\"free\"},{\"ends_with\":\"-x\"}]},\"prices\":{}}]}]";
    GenaiPriceList list = GenaiPriceList.read(new StringReader(json), "acme.json", LocalDate.parse("2026-11-30"));

    PricedModel model = list.find("llm.acme.example", "acme-ünï");
    assertEquals("acme.json acmé/acme-ünï", model.name());
    assertEquals("input 1, output 2 (4 above 1000 input tokens) (USD per 1M tokens); cache tokens without a price of their own cost as input",
        model.at(Instant.parse("2026-12-01T12:00:00Z")).toString());
    assertEquals("input 0.5 (USD per 1M tokens); cache tokens without a price of their own cost as input",
        model.at(Instant.parse("2026-12-01T21:30:00Z")).toString(), "22:00 at +02:00 is 20:00 UTC");
    assertEquals(model, list.find(null, "acme-u7"), "found by the provider's model match, then the regex");
    assertNull(list.find("llm.acme.example", "acme-free-x").at(NOW), "named without a price");
    assertNull(list.find("llm.acme.example", "acme-free"));
    assertEquals(LocalDate.parse("2026-11-30"), list.date());
  }

  @Test
  void textLongerThanTheCompiledFormHoldsIsRefusedRatherThanMisread() {
    String json = "[{\"id\":\"p\",\"api_pattern\":\"https://x\",\"models\":[{\"id\":\"" + "m".repeat(70_000)
        + "\",\"match\":{\"equals\":\"m\"},\"prices\":{}}]}]";
    assertThrows(IllegalArgumentException.class,
        () -> GenaiPriceList.read(new StringReader(json), "long.json", LocalDate.parse("2026-11-30")));
  }

  @Test
  void aCompiledListOfAnotherFormatIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> GenaiPriceList.readCompiled("\u0000\u0004json[]".getBytes(StandardCharsets.UTF_8)));
  }
}
