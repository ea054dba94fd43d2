package io.smartcarpipeline.bench;

import io.smartcarpipeline.sim.SimConfig;
import io.smartcarpipeline.sim.SmartcarApiSim;
import io.smartcarpipeline.sim.fault.FaultProfile;
import io.smartcarpipeline.sim.load.WebhookLoad;
import io.smartcarpipeline.sim.vehicle.SimVehicleBuilder;
import java.util.function.UnaryOperator;

/** The Smartcar stand-in as the benchmarks use it: no faults, no app-wide bucket, a fleet. */
final class BenchSims {

  private BenchSims() {}

  /**
   * A fault-free sim on a free port with {@code vehicles} plugged-in vehicles (the benchmark's
   * vehicle ids, user {@code user-N}), each further shaped by {@code shape}.
   */
  static SmartcarApiSim pluggedInFleet(int vehicles, UnaryOperator<SimVehicleBuilder> shape) {
    SmartcarApiSim sim =
        SmartcarApiSim.start(
            SimConfig.builder()
                .port(0)
                .bucket(0, 0)
                .requestLogLimit(1000)
                .faults(FaultProfile.none())
                .build());
    for (int v = 0; v < vehicles; v++) {
      sim.vehicles()
          .add(
              shape
                  .apply(
                      sim.vehicles().builder(WebhookLoad.vehicleId(v), "user-" + v).pluggedIn(true))
                  .build());
    }
    return sim;
  }
}
