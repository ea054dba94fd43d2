package io.smartcarpipeline.sim.vehicle;

/**
 * Creates a deterministic demo fleet: {@code veh-0001}… connected for {@code user-0001}…; every
 * fourth vehicle is a Tesla (with its virtual key), every third is unplugged, socs spread over
 * 20..79 with limit 80.
 */
public final class DemoFleet {

  private DemoFleet() {}

  /** Adds {@code count} demo vehicles to {@code fleet}. */
  public static void populate(SimFleetState fleet, int count) {
    for (int i = 1; i <= count; i++) {
      String suffix = String.format("%04d", i);
      SimVehicleBuilder b =
          fleet
              .builder("veh-" + suffix, "user-" + suffix)
              .pluggedIn(i % 3 != 0)
              .soc(20 + (i * 7) % 60)
              .chargeLimit(80)
              .location(48.7758 + i * 0.001, 9.1829 + i * 0.001);
      if (i % 4 == 0) {
        b.tesla(true);
      }
      fleet.add(b.build());
    }
  }
}
