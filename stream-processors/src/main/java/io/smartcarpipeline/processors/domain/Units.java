package io.smartcarpipeline.processors.domain;

import io.smartcarpipeline.events.SignalValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads numbers in the units the session rules compute in (kWh, kW, percent). The gateway already
 * normalises to canonical units, but a unit it did not know arrives as given, so the processors
 * accept the common spellings too and ignore a number whose unit they cannot place rather than
 * counting it wrong.
 */
public final class Units {

  private Units() {}

  /** Energy in kWh from kWh, Wh, MJ spellings; empty if not a number in a known energy unit. */
  public static Optional<Double> kilowattHours(SignalValue v) {
    return number(v)
        .flatMap(
            n ->
                switch (unit(v)) {
                  case "", "kwh", "kilowatt_hours", "kilowatthours", "kwhr" -> Optional.of(n);
                  case "wh", "watt_hours", "watthours" -> Optional.of(n / 1000.0);
                  case "mj", "megajoules" -> Optional.of(n / 3.6);
                  default -> Optional.empty();
                });
  }

  /** Power in kW from watts or kW spellings; empty otherwise. */
  public static Optional<Double> kilowatts(SignalValue v) {
    return number(v)
        .flatMap(
            n ->
                switch (unit(v)) {
                  case "", "w", "watt", "watts" -> Optional.of(n / 1000.0);
                  case "kw", "kilowatt", "kilowatts" -> Optional.of(n);
                  default -> Optional.empty();
                });
  }

  /** A percentage 0–100; a value given as a fraction unit is scaled. */
  public static Optional<Double> percent(SignalValue v) {
    return number(v)
        .flatMap(
            n ->
                switch (unit(v)) {
                  case "", "percent", "%", "pct" -> Optional.of(n);
                  case "fraction", "ratio" -> Optional.of(n * 100.0);
                  default -> Optional.empty();
                });
  }

  private static Optional<Double> number(SignalValue v) {
    return v == null ? Optional.empty() : Optional.ofNullable(v.getNumberValue());
  }

  private static String unit(SignalValue v) {
    return v.getUnit() == null ? "" : v.getUnit().trim().toLowerCase(Locale.ROOT);
  }
}
