package io.smartcarpipeline.processors.domain.history;

import io.smartcarpipeline.events.SignalSnapshot;
import io.smartcarpipeline.events.VehicleState;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.domain.Units;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the chart point of a vehicle state: its SoC (percent) at the SoC signal's source time
 * ({@code oemUpdatedAt}, else {@code retrievedAt}) and whether it was charging ({@code
 * charge-ischarging}, else {@code detailedchargingstatus == CHARGING}).
 */
public final class SocReading {

  private SocReading() {}

  /** The point, or empty when the state has no readable SoC. */
  public static Optional<SocSeries.Point> from(VehicleState state) {
    SignalSnapshot soc = state.getSignals().get(SignalCodes.STATE_OF_CHARGE);
    if (soc == null || soc.getValue() == null) {
      return Optional.empty();
    }
    Instant at = soc.getOemUpdatedAt() != null ? soc.getOemUpdatedAt() : soc.getRetrievedAt();
    if (at == null) {
      return Optional.empty();
    }
    return Units.percent(soc.getValue())
        .map(p -> new SocSeries.Point(at.toEpochMilli(), p, charging(state)));
  }

  /** Whether the vehicle is charging, or null if it does not say. */
  public static Boolean charging(VehicleState state) {
    SignalSnapshot flag = state.getSignals().get(SignalCodes.IS_CHARGING);
    if (flag != null && flag.getValue() != null && flag.getValue().getBooleanValue() != null) {
      return flag.getValue().getBooleanValue();
    }
    SignalSnapshot status = state.getSignals().get(SignalCodes.DETAILED_CHARGING_STATUS);
    if (status != null && status.getValue() != null && status.getValue().getTextValue() != null) {
      return "CHARGING".equals(status.getValue().getTextValue());
    }
    return null;
  }
}
