package io.smartcarpipeline.gateway.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTableTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // docs spelling and field spelling of docs/smartcar-v3.md §2.6 map to one canonical unit
    "amps, amperes",
    "ampere, amperes",
    "kilowatt_hours, kWh",
    "kWh, kWh",
    "kWhr, kWh",
    "kilometers, km",
    "km, km",
    "miles_per_hour, mph",
    "km/h, km/h",
    "percent, percent",
    "watts, watts",
    "volts, volts",
    "miles, miles",
    "psi, psi",
    "bar, bar",
    "gallons, gallons",
    "count, count",
    "' KWH ', kWh",
  })
  void knownSpellingsMapToTheCanonicalUnit(String given, String canonical) {
    assertThat(UnitTable.canonical(given)).contains(canonical);
  }

  @Test
  void unknownUnitIsNotGuessed() {
    assertThat(UnitTable.canonical("furlongs")).isEmpty();
    assertThat(UnitTable.canonical("")).isEmpty();
    assertThat(UnitTable.canonical(null)).isEmpty();
  }

  @Test
  void magnitudeIsNeverConvertedOnlyTheSpelling() {
    // a tire pressure sent as "bar" with kPa magnitudes stays "bar": the table cannot know
    assertThat(UnitTable.canonical("bar")).contains(UnitTable.BAR);
    assertThat(UnitTable.canonical("kPa")).contains(UnitTable.KPA);
  }
}
