package io.smartcarpipeline.gateway.normalise;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table that maps the unit spellings Smartcar sends to our canonical units
 * (docs/smartcar-v3.md §2.6 item 5: docs say {@code kilowatt_hours}, {@code amps}, {@code
 * kilometers}; real payloads say {@code kWh}, {@code ampere}, {@code km}). Rule: only the spelling
 * is normalised, never the magnitude (tyre pressures labelled "bar" but sent in kPa are the one
 * exception, fixed by {@link TyrePressures} where the grid is built); an unknown unit is not an
 * error, {@link #canonical} just returns empty and the caller keeps it as given.
 */
public final class UnitTable {

  /** Canonical unit names, as written into {@code SignalValue.unit}. */
  public static final String PERCENT = "percent";

  public static final String KWH = "kWh";
  public static final String KM = "km";
  public static final String MILES = "miles";
  public static final String WATTS = "watts";
  public static final String KILOWATTS = "kilowatts";
  public static final String VOLTS = "volts";
  public static final String AMPERES = "amperes";
  public static final String KM_PER_HOUR = "km/h";
  public static final String MILES_PER_HOUR = "mph";
  public static final String MINUTES = "minutes";
  public static final String HOURS = "hours";
  public static final String SECONDS = "seconds";
  public static final String COUNT = "count";
  public static final String KPA = "kPa";
  public static final String BAR = "bar";
  public static final String PSI = "psi";
  public static final String CELSIUS = "celsius";
  public static final String FAHRENHEIT = "fahrenheit";
  public static final String LITERS = "liters";
  public static final String GALLONS = "gallons";

  private static final Map<String, List<String>> SPELLINGS =
      Map.ofEntries(
          Map.entry(PERCENT, List.of("percent", "%", "pct", "percentage")),
          Map.entry(
              KWH,
              List.of(
                  "kwh",
                  "kwhr",
                  "kilowatt_hours",
                  "kilowatt_hour",
                  "kilowatt-hours",
                  "kilowatthours")),
          Map.entry(KM, List.of("km", "kilometers", "kilometres", "kilometer", "kilometre")),
          Map.entry(MILES, List.of("miles", "mile", "mi")),
          Map.entry(WATTS, List.of("watts", "watt", "w")),
          Map.entry(KILOWATTS, List.of("kilowatts", "kilowatt", "kw")),
          Map.entry(VOLTS, List.of("volts", "volt", "v")),
          Map.entry(AMPERES, List.of("amperes", "ampere", "amps", "amp", "a")),
          Map.entry(
              KM_PER_HOUR,
              List.of("km/h", "kph", "kmh", "kilometers_per_hour", "kilometres_per_hour")),
          Map.entry(MILES_PER_HOUR, List.of("mph", "mi/h", "miles_per_hour")),
          Map.entry(MINUTES, List.of("minutes", "minute", "min", "mins")),
          Map.entry(HOURS, List.of("hours", "hour", "h", "hr", "hrs")),
          Map.entry(SECONDS, List.of("seconds", "second", "s", "sec", "secs")),
          Map.entry(COUNT, List.of("count")),
          Map.entry(KPA, List.of("kpa", "kilopascal", "kilopascals")),
          Map.entry(BAR, List.of("bar")),
          Map.entry(PSI, List.of("psi")),
          Map.entry(CELSIUS, List.of("celsius", "c", "°c", "degc", "degrees_celsius")),
          Map.entry(FAHRENHEIT, List.of("fahrenheit", "f", "°f", "degf", "degrees_fahrenheit")),
          Map.entry(LITERS, List.of("liters", "litres", "liter", "litre", "l")),
          Map.entry(GALLONS, List.of("gallons", "gallon", "gal")));

  private static final Map<String, String> BY_SPELLING = index();

  private UnitTable() {}

  /** The canonical unit for {@code unit} (case and surrounding blanks ignored), if we know it. */
  public static Optional<String> canonical(String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_SPELLING.get(key(unit)));
  }

  private static Map<String, String> index() {
    Map<String, String> index = new HashMap<>();
    SPELLINGS.forEach(
        (canonical, spellings) ->
            spellings.forEach(
                s -> {
                  String previous = index.put(key(s), canonical);
                  if (previous != null) {
                    throw new IllegalStateException("unit spelling " + s + " listed twice");
                  }
                }));
    return Map.copyOf(index);
  }

  private static String key(String unit) {
    return unit.trim().toLowerCase(Locale.ROOT);
  }
}
