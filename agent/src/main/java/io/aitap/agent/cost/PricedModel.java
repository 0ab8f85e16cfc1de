package io.aitap.agent.cost;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A model's prices over time, as a price list gives them: the last price whose condition holds at
 * the time of the call applies (a new price from its start date, an off-peak price between two
 * times of day), the first when none holds.
 */
public final class PricedModel {

  /** When a price applies; null for always. */
  interface Condition {
    boolean holdsAt(Instant when);

    static Condition from(LocalDate start) {
      return when -> !when.atZone(ZoneOffset.UTC).toLocalDate().isBefore(start);
    }

    /** Between two UTC times of day; an end before the start spans midnight. */
    static Condition between(LocalTime start, LocalTime end) {
      return when -> {
        LocalTime time = when.atZone(ZoneOffset.UTC).toLocalTime();
        return end.isBefore(start)
            ? !time.isBefore(start) || time.isBefore(end)
            : !time.isBefore(start) && time.isBefore(end);
      };
    }
  }

  static final class Scheduled {
    final Condition condition;
    final Price price;

    Scheduled(Condition condition, Price price) {
      this.condition = condition;
      this.price = price;
    }
  }

  private final String name;
  private final List<Scheduled> prices;

  PricedModel(String name, List<Scheduled> prices) {
    this.name = name;
    this.prices = prices;
  }

  static PricedModel always(String name, Price price) {
    return new PricedModel(name, List.of(new Scheduled(null, price)));
  }

  /** The price at {@code when}, or null when the list names the model without a price for its calls. */
  Price at(Instant when) {
    Price price = prices.get(0).price;
    for (int i = prices.size() - 1; i >= 0; i--) {
      Scheduled scheduled = prices.get(i);
      if (scheduled.condition == null || scheduled.condition.holdsAt(when)) {
        price = scheduled.price;
        break;
      }
    }
    return price.pricesCalls() ? price : null;
  }

  /** Where the price comes from: the list and the entry that matched. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    Price now = at(Instant.now());
    return name + ": " + (now == null ? "no price for tokens or requests" : now)
        + (prices.size() > 1 ? "; the price depends on the date or time of day of the call" : "");
  }
}
