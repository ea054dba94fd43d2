package io.smartcarpipeline.sim.fleet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The makes of the simulated fleet, cycled in this order so any fleet of four or more has every
 * case the pipeline must handle: a Tesla with the virtual key ({@code veh-0001}), a Jaguar I-PACE
 * without energy, power or sleep signals whose sessions must be estimated from SoC × nominal
 * capacity ({@code veh-0002}), a Ford reporting miles ({@code veh-0003}), a Tesla without the
 * virtual key that refuses every command ({@code veh-0004}), then a Volkswagen (dotted triggers,
 * ASLEEP errors, no home signal), a BYD, a Hyundai and a Polestar. Ids are {@code veh-NNNN} for
 * {@code user-NNNN}; VINs and home spots come from the seed.
 */
public final class FleetProfiles {

  /** A kind of car, the first letters of its VINs and the town its vehicles live around. */
  private record Template(CarModel car, String wmi, double homeLatitude, double homeLongitude) {}

  private static final Set<SimSignal> NONE = Set.of();

  private static final List<Template> TEMPLATES =
      List.of(
          new Template(
              new CarModel(
                  "TESLA", "Model 3", 2023, 75, 0.15, 11, 170, false, NONE, false, 0, true, false),
              "5YJ",
              48.7758,
              9.1829),
          new Template(
              new CarModel(
                  "JAGUAR",
                  "I-PACE",
                  2021,
                  90,
                  0.22,
                  7.4,
                  100,
                  false,
                  EnumSet.of(
                      SimSignal.ENERGY_ADDED,
                      SimSignal.WATTAGE,
                      SimSignal.VOLTAGE,
                      SimSignal.AMPERAGE,
                      SimSignal.TIME_TO_COMPLETE,
                      SimSignal.IS_ASLEEP,
                      SimSignal.IS_ONLINE),
                  false,
                  1,
                  true,
                  false),
              "SAD",
              52.2385,
              0.1547),
          new Template(
              new CarModel(
                  "FORD",
                  "Mustang Mach-E",
                  2022,
                  91,
                  0.20,
                  10.5,
                  150,
                  true,
                  NONE,
                  false,
                  0,
                  true,
                  false),
              "3FM",
              30.2672,
              -97.7431),
          new Template(
              new CarModel(
                  "TESLA", "Model Y", 2024, 75, 0.16, 11, 200, false, NONE, false, 0, false, false),
              "7SA",
              48.1351,
              11.5820),
          new Template(
              new CarModel(
                  "VOLKSWAGEN",
                  "ID.4",
                  2021,
                  77,
                  0.18,
                  11,
                  135,
                  false,
                  EnumSet.of(SimSignal.IS_AT_HOME, SimSignal.FAST_CHARGER_TYPE),
                  true,
                  0,
                  true,
                  true),
              "WVG",
              52.5200,
              13.4050),
          new Template(
              new CarModel(
                  "BYD",
                  "SEAL",
                  2024,
                  82.5,
                  0.17,
                  11,
                  150,
                  false,
                  EnumSet.of(SimSignal.VOLTAGE),
                  false,
                  0,
                  true,
                  false),
              "LGX",
              53.5511,
              9.9937),
          new Template(
              new CarModel(
                  "HYUNDAI", "IONIQ 5", 2023, 77.4, 0.17, 11, 220, false, NONE, false, 0, true,
                  false),
              "KM8",
              50.1109,
              8.6821),
          new Template(
              new CarModel(
                  "POLESTAR",
                  "2",
                  2023,
                  78,
                  0.18,
                  11,
                  155,
                  false,
                  EnumSet.of(SimSignal.IS_AT_HOME),
                  false,
                  0,
                  true,
                  false),
              "LPS",
              59.3293,
              18.0686));

  private FleetProfiles() {}

  /** The kinds of car the fleet cycles through, in that order. */
  public static List<CarModel> carModels() {
    return TEMPLATES.stream().map(Template::car).toList();
  }

  /** {@code count} vehicles; the same seed gives the same fleet. */
  public static List<VehicleProfile> create(int count, long seed) {
    Random random = new Random(seed);
    List<VehicleProfile> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Template t = TEMPLATES.get(i % TEMPLATES.size());
      String suffix = String.format(Locale.ROOT, "%04d", i + 1);
      double dLat = (random.nextDouble() - 0.5) * 0.05;
      double dLon = (random.nextDouble() - 0.5) * 0.05;
      out.add(
          new VehicleProfile(
              "veh-" + suffix,
              "user-" + suffix,
              vin(t.wmi(), random),
              t.car(),
              round(t.homeLatitude() + dLat, 5),
              round(t.homeLongitude() + dLon, 5)));
    }
    return out;
  }

  private static String vin(String wmi, Random random) {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    StringBuilder vin = new StringBuilder(wmi);
    while (vin.length() < 17) {
      vin.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return vin.toString();
  }

  static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }
}
