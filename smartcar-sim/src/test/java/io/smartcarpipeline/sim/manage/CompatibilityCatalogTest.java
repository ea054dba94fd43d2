package io.smartcarpipeline.sim.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.smartcarpipeline.sim.fleet.CarModel;
import io.smartcarpipeline.sim.fleet.FleetProfiles;
import io.smartcarpipeline.sim.fleet.SimSignal;
import io.smartcarpipeline.sim.vehicle.CommandType;
import org.junit.jupiter.api.Test;

class CompatibilityCatalogTest {

  private final CompatibilityCatalog catalog = new CompatibilityCatalog();

  @Test
  void shouldMirrorTheFleetProfilesSignalGaps() {
    var jaguar = catalog.support("Jaguar").orElseThrow();
    var tesla = catalog.support("TESLA").orElseThrow();

    assertThat(jaguar.signals())
        .containsEntry("charge-energyadded", false)
        .containsEntry("tractionbattery-stateofcharge", true)
        .hasSize(SimSignal.values().length);
    assertThat(tesla.signals().values()).containsOnly(true);
  }

  @Test
  void shouldAnswerEveryFleetCarModelWithExactlyItsSignalGaps() {
    for (CarModel car : FleetProfiles.carModels()) {
      var signals = catalog.support(car.make()).orElseThrow().signals();
      for (SimSignal s : SimSignal.values()) {
        assertThat(signals.get(s.code())).as("%s %s", car.make(), s).isEqualTo(car.reports(s));
      }
    }
    assertThat(catalog.support("RIVIAN")).isEmpty();
  }

  @Test
  void shouldNotSupportSetDestinationForJaguarVolkswagenAndByd() {
    for (String make : new String[] {"JAGUAR", "volkswagen", "BYD"}) {
      assertThat(catalog.support(make).orElseThrow().commands())
          .as(make)
          .containsEntry(CommandType.NAVIGATION_SET_DESTINATION, false)
          .containsEntry(CommandType.SECURITY_LOCK, true);
    }
    assertThat(catalog.support("Polestar").orElseThrow().commands().values()).containsOnly(true);
  }

  @Test
  void shouldKnowNothingOfAnUnknownMake() {
    assertThat(catalog.support("Trabant")).isEmpty();
    assertThat(catalog.support(null)).isEmpty();
  }

  @Test
  void shouldNameCommandsWithShortTypes() {
    assertThat(CompatibilityCatalog.typeOf(CommandType.SECURITY_LOCK)).isEqualTo("LOCK");
    assertThat(CompatibilityCatalog.typeOf(CommandType.CHARGE_START)).isEqualTo("START_CHARGE");
  }
}
