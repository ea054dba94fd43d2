package io.smartcarpipeline.processors.domain.charging;

import io.smartcarpipeline.events.EventType;
import io.smartcarpipeline.events.Signal;
import io.smartcarpipeline.events.SignalStatus;
import io.smartcarpipeline.events.SignalValue;
import io.smartcarpipeline.events.VehicleEvent;
import io.smartcarpipeline.processors.domain.SignalCodes;
import io.smartcarpipeline.processors.domain.Units;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The charging-relevant readings of one event, each at its own source time, in canonical units
 * (kWh, kW, percent). Failed signals (status ERROR) carry no reading: they say nothing about
 * charging. {@code charging} comes from {@code charge-ischarging}, else from {@code
 * charge-detailedchargingstatus}.
 */
public record ChargeObservation(
    String userId,
    long receivedAt,
    Reading<Boolean> plugged,
    Reading<Boolean> charging,
    Reading<String> chargingStatus,
    Reading<Double> energyAddedKwh,
    Reading<Double> soc,
    Reading<Double> capacityKwh,
    Reading<Double> powerKw,
    Reading<Double> chargeLimit,
    Reading<Place> location,
    Reading<Boolean> atHome,
    Reading<Boolean> fastCharger,
    Reading<String> fastChargerType,
    Reading<String> connectorType) {

  /** The readings of a VEHICLE_STATE event; an empty observation for anything else. */
  public static ChargeObservation of(VehicleEvent e) {
    List<Signal> signals = e.getEventType() == EventType.VEHICLE_STATE ? e.getSignals() : List.of();
    long received = e.getReceivedAt().toEpochMilli();
    Reading<String> status =
        text(signals, SignalCodes.DETAILED_CHARGING_STATUS, received)
            .map(r -> new Reading<>(r.code(), r.value().toUpperCase(Locale.ROOT), r.at()))
            .orElse(null);
    Reading<Boolean> charging =
        bool(signals, SignalCodes.IS_CHARGING, received)
            .orElse(
                status == null
                    ? null
                    : new Reading<>(status.code(), "CHARGING".equals(status.value()), status.at()));
    return new ChargeObservation(
        e.getUserId(),
        received,
        bool(signals, SignalCodes.CABLE_CONNECTED, received).orElse(null),
        charging,
        status,
        number(signals, SignalCodes.ENERGY_ADDED, received, Units::kilowattHours),
        number(signals, SignalCodes.STATE_OF_CHARGE, received, Units::percent),
        number(signals, SignalCodes.NOMINAL_CAPACITY, received, Units::kilowattHours),
        number(signals, SignalCodes.WATTAGE, received, Units::kilowatts),
        find(signals, SignalCodes.CHARGE_LIMITS, received)
            .filter(r -> r.value().getChargeLimits() != null)
            .filter(r -> r.value().getChargeLimits().getActiveLimit() != null)
            .map(r -> new Reading<>(r.code(), r.value().getChargeLimits().getActiveLimit(), r.at()))
            .orElse(null),
        find(signals, SignalCodes.PRECISE_LOCATION, received)
            .filter(r -> r.value().getLocation() != null)
            .map(r -> new Reading<>(r.code(), Place.of(r.value().getLocation()), r.at()))
            .orElse(null),
        bool(signals, SignalCodes.IS_AT_HOME, received).orElse(null),
        bool(signals, SignalCodes.FAST_CHARGER_PRESENT, received).orElse(null),
        text(signals, SignalCodes.FAST_CHARGER_TYPE, received).orElse(null),
        text(signals, SignalCodes.CONNECTOR_TYPE, received).orElse(null));
  }

  /** Every reading that is present, for freshness bookkeeping. */
  public List<Reading<?>> all() {
    List<Reading<?>> out = new ArrayList<>();
    for (Reading<?> r :
        new Reading<?>[] {
          plugged,
          charging,
          chargingStatus,
          energyAddedKwh,
          soc,
          capacityKwh,
          powerKw,
          chargeLimit,
          location,
          atHome,
          fastCharger,
          fastChargerType,
          connectorType
        }) {
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private static Optional<Reading<SignalValue>> find(
      List<Signal> signals, String code, long fallback) {
    for (Signal s : signals) {
      if (code.equals(s.getCode()) && s.getStatus() != SignalStatus.ERROR && s.getValue() != null) {
        return Optional.of(new Reading<>(code, s.getValue(), at(s, fallback)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Reading<Boolean>> bool(List<Signal> signals, String code, long fallback) {
    return find(signals, code, fallback)
        .filter(r -> r.value().getBooleanValue() != null)
        .map(r -> new Reading<>(code, r.value().getBooleanValue(), r.at()));
  }

  private static Optional<Reading<String>> text(List<Signal> signals, String code, long fallback) {
    return find(signals, code, fallback)
        .filter(r -> r.value().getTextValue() != null)
        .map(r -> new Reading<>(code, r.value().getTextValue(), r.at()));
  }

  private static Reading<Double> number(
      List<Signal> signals,
      String code,
      long fallback,
      java.util.function.Function<SignalValue, Optional<Double>> unit) {
    return find(signals, code, fallback)
        .flatMap(r -> unit.apply(r.value()).map(v -> new Reading<>(code, v, r.at())))
        .orElse(null);
  }

  private static long at(Signal s, long fallback) {
    Instant t =
        s.getOemUpdatedAt() != null && s.getOemUpdatedAt().toEpochMilli() > 0
            ? s.getOemUpdatedAt()
            : s.getRetrievedAt();
    return t != null && t.toEpochMilli() > 0 ? t.toEpochMilli() : fallback;
  }
}
